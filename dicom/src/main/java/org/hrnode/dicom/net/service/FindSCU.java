package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DataWriter;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.DimseResponse;
import org.hrnode.dicom.net.dimse.Priority;
import org.hrnode.dicom.net.dimse.ResponseQueue;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PresentationContext;

/** C-FIND SCU: sends a query and consumes the matches as they arrive, optionally cancelling part way. */
public final class FindSCU {

    private FindSCU() {
    }

    /** The final status and how many matches were received before it. */
    public record Result(Status status, int matches, String errorComment) {
    }

    /** Runs the query and collects every match. */
    public static List<Dataset> findAll(DimseChannel channel, String informationModel, Dataset keys)
            throws IOException {
        List<Dataset> matches = new ArrayList<>();
        Result result = find(channel, informationModel, keys, match -> matches.add(match));
        if (!result.status().isSuccess()) {
            throw new IOException("C-FIND failed: " + result.status() + " " + result.errorComment());
        }
        return matches;
    }

    /**
     * Runs the query, handing each match to {@code onMatch}; when it returns false a C-CANCEL is sent and the
     * remaining responses are read up to the final one.
     */
    public static Result find(DimseChannel channel, String informationModel, Dataset keys,
            Predicate<Dataset> onMatch) throws IOException {
        List<PresentationContext> contexts = channel.invokableContexts(informationModel);
        if (contexts.isEmpty()) {
            return new Result(Status.SOP_CLASS_NOT_SUPPORTED, 0, "no accepted presentation context");
        }
        PresentationContext pc = contexts.getFirst();
        DimseCommand request = DimseCommand.request(CommandField.C_FIND_RQ, informationModel,
                channel.nextMessageId(), true).priority(Priority.MEDIUM);
        ResponseQueue responses = channel.invoke(pc.id(), request,
                DataWriter.of(keys, TransferSyntax.orDefault(pc.transferSyntax())));
        int matches = 0;
        boolean cancelled = false;
        while (true) {
            DimseResponse response = responses.next(channel.responseTimeout());
            if (!response.status().isPending()) {
                return new Result(response.status(), matches, response.command().errorComment().orElse(""));
            }
            matches++;
            if (!cancelled && response.dataSet() != null && !onMatch.test(response.dataSet())) {
                cancelled = true;
                channel.send(pc.id(), DimseCommand.cancel(request.messageId()), null);
            }
        }
    }
}
