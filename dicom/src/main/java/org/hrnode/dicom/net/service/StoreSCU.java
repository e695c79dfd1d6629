package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DataWriter;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.DimseResponse;
import org.hrnode.dicom.net.dimse.Priority;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.PresentationContext;

/**
 * C-STORE SCU: sends one instance on an established association. Prefers a presentation context in the
 * instance's own transfer syntax, whose bytes are then streamed unchanged from their source; otherwise, for
 * uncompressed data, transcodes between Implicit, Explicit and Deflated Little Endian, and losslessly compressed
 * data that this machine can decode is decompressed to Explicit or Implicit VR Little Endian (a receiver that takes
 * only uncompressed data still gets exactly the pixels; an archive that compresses on ingest stays retrievable).
 * Lossy compressed data is only ever sent in its own syntax: decompressing it would hide that it was lossy.
 */
public final class StoreSCU {

    /** Syntaxes every uncompressed instance can be transcoded to and is proposed in. */
    static final List<String> UNCOMPRESSED = List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);

    private StoreSCU() {
    }

    /** The result of one C-STORE, local failures (no usable context, unreadable source) included. */
    public record Result(String sopInstanceUid, Status status, Optional<String> errorComment) {

        static Result local(String sopInstanceUid, Status status, String comment) {
            return new Result(sopInstanceUid, status, Optional.of(comment));
        }
    }

    /** The C-MOVE a store is a sub-operation of (Move Originator AE Title and Message ID). */
    public record MoveOriginator(String aeTitle, int messageId) {
    }

    public static Result store(DimseChannel channel, RetrieveInstance instance) throws IOException {
        return store(channel, instance, null);
    }

    /**
     * Sends {@code instance} and waits for the response.
     *
     * @param originator the C-MOVE this is a sub-operation of, or null
     * @throws IOException the association failed
     */
    public static Result store(DimseChannel channel, RetrieveInstance instance, MoveOriginator originator)
            throws IOException {
        TransferSyntax source = TransferSyntax.orDefault(instance.transferSyntaxUid());
        List<PresentationContext> contexts = channel.invokableContexts(instance.sopClassUid());
        Optional<PresentationContext> context = contexts.stream()
                .filter(pc -> pc.transferSyntax().equals(source.uid())).findFirst();
        if (context.isEmpty() && isTranscodable(source)) {
            context = contexts.stream().filter(pc -> isWritableUncompressed(pc.transferSyntax())).findFirst();
        }
        if (context.isEmpty()) {
            return Result.local(instance.sopInstanceUid(), Status.SOP_CLASS_NOT_SUPPORTED,
                    "no accepted presentation context to send " + source.uid() + " in");
        }
        PresentationContext pc = context.get();
        DataWriter data = pc.transferSyntax().equals(source.uid()) ? out -> {
            try (InputStream in = instance.openDataSet()) {
                in.transferTo(out);
            }
        } : transcoder(instance, source, TransferSyntax.orDefault(pc.transferSyntax()));
        DimseCommand request = DimseCommand.request(CommandField.C_STORE_RQ, instance.sopClassUid(),
                channel.nextMessageId(), true).affectedSopInstanceUid(instance.sopInstanceUid())
                .priority(Priority.MEDIUM);
        if (originator != null) {
            request.moveOriginator(originator.aeTitle(), originator.messageId());
        }
        DimseResponse response = channel.invoke(pc.id(), request, data).next(channel.responseTimeout());
        return new Result(instance.sopInstanceUid(), response.status(), response.command().errorComment());
    }

    private static DataWriter transcoder(RetrieveInstance instance, TransferSyntax from, TransferSyntax to) {
        return out -> {
            Dataset dataset;
            try (InputStream in = instance.openDataSet()) {
                DicomReader reader = new DicomReader(in, ReadOptions.defaults());
                reader.startDataset(from);
                dataset = reader.readDataset(-1);
                if (from.isEncapsulated()) {
                    dataset = Transcoder.standard().transcode(dataset, from, to);
                }
            } catch (DicomParseException | PixelDataException e) {
                throw new IOException("cannot transcode " + instance.sopInstanceUid() + ": " + e.getMessage(), e);
            }
            DicomWriter writer = new DicomWriter(out);
            writer.writeDataset(dataset, to);
        };
    }

    /** Uncompressed, or lossless compressed and decodable here: can be sent uncompressed with the same pixels. */
    private static boolean isTranscodable(TransferSyntax ts) {
        return !ts.isEncapsulated()
                || ts.compression() == TransferSyntax.Compression.LOSSLESS && Codecs.isAvailable(ts);
    }

    private static boolean isWritableUncompressed(String uid) {
        TransferSyntax ts = TransferSyntax.of(uid);
        return ts != null && !ts.isEncapsulated() && !ts.isBigEndian();
    }

    /**
     * Proposes contexts able to carry {@code instances}: one per SOP class and stored transfer syntax, so each
     * instance can travel unchanged, and per SOP class with uncompressed or decodable lossless instances a fallback
     * with Explicit and Implicit VR Little Endian to transcode to. At most
     * {@link AssociationRequestBuilder#MAX_PRESENTATION_CONTEXTS};
     * instances beyond that fail as having no context.
     */
    public static void proposeContexts(AssociationRequestBuilder request, Collection<RetrieveInstance> instances) {
        Set<List<String>> stored = new LinkedHashSet<>();
        Set<String> needFallback = new LinkedHashSet<>();
        for (RetrieveInstance instance : instances) {
            TransferSyntax ts = TransferSyntax.orDefault(instance.transferSyntaxUid());
            if (ts.isEncapsulated() || isWritableUncompressed(ts.uid())) {
                stored.add(List.of(instance.sopClassUid(), ts.uid()));
            }
            if (isTranscodable(ts)) {
                needFallback.add(instance.sopClassUid());
            }
        }
        List<List<String>> proposals = new ArrayList<>();
        for (List<String> sopClassAndSyntax : stored) {
            proposals.add(sopClassAndSyntax);
        }
        for (String sopClass : needFallback) {
            List<String> fallback = new ArrayList<>();
            fallback.add(sopClass);
            fallback.addAll(UNCOMPRESSED);
            proposals.add(fallback);
        }
        for (List<String> proposal : proposals) {
            if (request.presentationContextCount() == AssociationRequestBuilder.MAX_PRESENTATION_CONTEXTS) {
                return;
            }
            request.addPresentationContext(proposal.getFirst(), proposal.subList(1, proposal.size()));
        }
    }
}
