package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DataWriter;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.DimseResponse;
import org.hrnode.dicom.net.dimse.Priority;
import org.hrnode.dicom.net.dimse.ResponseQueue;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PresentationContext;

/**
 * C-MOVE and C-GET SCU. For C-GET, the instances arrive as C-STORE requests on the same association and go to the
 * channel's request handler (a {@link ServiceRegistry} with {@link ServiceRegistry.Builder#storage}); the
 * association must have been requested with SCP role selection for their SOP classes.
 */
public final class RetrieveSCU {

    private RetrieveSCU() {
    }

    /**
     * Final status, sub-operation counts and the failed instances reported by the SCP.
     *
     * @param remaining -1 when the final response does not say (it only must after a cancel)
     */
    public record Result(Status status, int remaining, int completed, int failed, int warning,
            List<String> failedSopInstanceUids, int pendingResponses) {
    }

    public static Result move(DimseChannel channel, String informationModel, String destination, Dataset keys)
            throws IOException {
        return retrieve(channel, CommandField.C_MOVE_RQ, informationModel, destination, keys, pending -> true);
    }

    /**
     * C-MOVE that is cancelled (C-CANCEL) as soon as {@code continueAfter} returns false for a Pending response;
     * the result is then the SCP's final response, normally Cancel with the count of remaining sub-operations.
     */
    public static Result move(DimseChannel channel, String informationModel, String destination, Dataset keys,
            Predicate<DimseCommand> continueAfter) throws IOException {
        return retrieve(channel, CommandField.C_MOVE_RQ, informationModel, destination, keys, continueAfter);
    }

    public static Result get(DimseChannel channel, String informationModel, Dataset keys) throws IOException {
        return retrieve(channel, CommandField.C_GET_RQ, informationModel, null, keys, pending -> true);
    }

    private static Result retrieve(DimseChannel channel, CommandField field, String informationModel,
            String destination, Dataset keys, Predicate<DimseCommand> continueAfter) throws IOException {
        List<PresentationContext> contexts = channel.invokableContexts(informationModel);
        if (contexts.isEmpty()) {
            return new Result(Status.SOP_CLASS_NOT_SUPPORTED, -1, 0, 0, 0, List.of(), 0);
        }
        PresentationContext pc = contexts.getFirst();
        DimseCommand request = DimseCommand.request(field, informationModel, channel.nextMessageId(), true)
                .priority(Priority.MEDIUM);
        if (destination != null) {
            request.moveDestination(destination);
        }
        ResponseQueue responses = channel.invoke(pc.id(), request,
                DataWriter.of(keys, TransferSyntax.orDefault(pc.transferSyntax())));
        int pending = 0;
        boolean cancelled = false;
        while (true) {
            DimseResponse response = responses.next(channel.responseTimeout());
            if (response.status().isPending()) {
                pending++;
                if (!cancelled && !continueAfter.test(response.command())) {
                    cancelled = true;
                    channel.send(pc.id(), DimseCommand.cancel(request.messageId()), null);
                }
                continue;
            }
            DimseCommand c = response.command();
            List<String> failedUids = response.identifier()
                    .map(ds -> List.of(ds.getStrings(Tag.FailedSOPInstanceUIDList))).orElse(List.of());
            return new Result(response.status(), c.remainingSubOperations(), c.completedSubOperations(),
                    c.failedSubOperations(), c.warningSubOperations(), failedUids, pending);
        }
    }
}
