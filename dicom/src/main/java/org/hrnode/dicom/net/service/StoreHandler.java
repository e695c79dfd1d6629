package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;

/**
 * Receives the instances of C-STORE requests (the application's ingest). The data set arrives as a stream straight
 * from the network, in {@link StoreRequest#transferSyntaxUid()}, without File Meta Information; nothing has been
 * buffered or parsed.
 *
 * <p>The C-STORE response is sent only after this method returns: return only once the instance is durably stored
 * (written and synced, or committed), because a Success tells the sender it may delete its copy. Called on the
 * association's reader thread; one association stores one instance at a time.
 */
@FunctionalInterface
public interface StoreHandler {

    /**
     * @return {@link Status#SUCCESS}, or a warning (e.g. {@link Status#COERCION_OF_DATA_ELEMENTS})
     * @throws DicomServiceException to answer with a failure status of your choice
     * @throws IOException reading the stream or storing failed; answered with Processing Failure when the
     *     association is still there
     */
    Status store(StoreRequest request, InputStream dataSet) throws DicomServiceException, IOException;
}
