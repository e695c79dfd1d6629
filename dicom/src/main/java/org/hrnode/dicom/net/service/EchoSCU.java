package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.List;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PresentationContext;

/** C-ECHO SCU: verifies that a peer answers. */
public final class EchoSCU {

    private EchoSCU() {
    }

    /**
     * @return the peer's status, or {@link Status#SOP_CLASS_NOT_SUPPORTED} without sending when Verification was
     *     not accepted
     */
    public static Status echo(DimseChannel channel) throws IOException {
        List<PresentationContext> contexts = channel.invokableContexts(UID.Verification);
        if (contexts.isEmpty()) {
            return Status.SOP_CLASS_NOT_SUPPORTED;
        }
        DimseCommand request = DimseCommand.request(CommandField.C_ECHO_RQ, UID.Verification,
                channel.nextMessageId(), false);
        return channel.invoke(contexts.getFirst().id(), request, null).next(channel.responseTimeout()).status();
    }
}
