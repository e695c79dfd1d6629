package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.net.dimse.DataWriter;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PresentationContext;

/**
 * The bookkeeping of a C-MOVE or C-GET (PS3.4 C.4.2.3, C.4.3.3): counts of remaining, completed, failed and
 * warning sub-operations, the failed instance UIDs, a Pending response after each sub-operation and the final
 * response — Success, Warning B000 when some failed or warned, A702 when none succeeded, Cancel after a C-CANCEL —
 * with the Failed SOP Instance UID List when there are failures.
 */
final class RetrieveOperation {

    private final DimseChannel channel;
    private final PresentationContext context;
    private final DimseCommand request;
    private final List<String> failedUids = new ArrayList<>();
    private int remaining;
    private int completed;
    private int failed;
    private int warning;

    RetrieveOperation(DimseChannel channel, PresentationContext context, DimseCommand request, int total) {
        this.channel = channel;
        this.context = context;
        this.request = request;
        this.remaining = total;
    }

    /** Counts one sub-operation's outcome. */
    void record(StoreSCU.Result result) {
        remaining--;
        switch (result.status().category()) {
            case SUCCESS -> completed++;
            case WARNING -> warning++;
            default -> {
                failed++;
                failedUids.add(result.sopInstanceUid());
            }
        }
    }

    /** Counts every remaining sub-operation as failed (e.g. the destination could not be reached). */
    void failRemaining(List<RetrieveInstance> notSent) {
        for (RetrieveInstance instance : notSent) {
            remaining--;
            failed++;
            failedUids.add(instance.sopInstanceUid());
        }
    }

    int failed() {
        return failed;
    }

    void sendPending() throws IOException {
        DimseCommand pending = DimseCommand.response(request, Status.PENDING, false)
                .subOperations(remaining, completed, failed, warning);
        channel.send(context.id(), pending, null);
    }

    /** The final response; {@code cancelled} after a C-CANCEL stopped the sub-operations early. */
    void sendFinal(boolean cancelled, Status failureStatus, String comment) throws IOException {
        Status status;
        if (cancelled) {
            status = Status.CANCEL;
        } else if (failed == 0 && warning == 0) {
            status = Status.SUCCESS;
        } else if (completed == 0 && warning == 0) {
            status = failureStatus;
        } else {
            status = Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES;
        }
        boolean withList = !failedUids.isEmpty();
        DimseCommand response = DimseCommand.response(request, status, withList)
                .subOperations(cancelled ? remaining : -1, completed, failed, warning);
        if (comment != null && status.isFailure()) {
            response.errorComment(comment);
        }
        DataWriter list = null;
        if (withList) {
            Dataset identifier = new Dataset();
            identifier.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
            list = DataWriter.of(identifier, TransferSyntax.orDefault(context.transferSyntax()));
        }
        channel.send(context.id(), response, list);
    }
}
