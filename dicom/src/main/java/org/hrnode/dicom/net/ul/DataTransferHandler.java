package org.hrnode.dicom.net.ul;

import java.io.IOException;
import org.hrnode.dicom.net.pdu.PresentationDataValue;

/**
 * What an established association does with the P-DATA it receives: the DIMSE layer. Everything here is called
 * on the association's single reader thread.
 */
public interface DataTransferHandler {

    /**
     * One received PDV. The handler may pull the following PDVs of the same message itself with
     * {@link Association#nextPdv()}, which is how a data set is streamed to its consumer without buffering.
     *
     * @throws IOException the association broke while the handler read from it
     */
    void onPresentationDataValue(PresentationDataValue pdv) throws IOException;

    /** Whether operations are in progress, in which case silence from the peer is not idleness. */
    boolean isBusy();

    /**
     * Data transfer is over: the peer asked to release, the association was aborted, or the connection was lost.
     * Operations still running are to be finished or cancelled before this returns; when it returns after a
     * release request, the association answers it.
     */
    void onDataTransferEnd();
}
