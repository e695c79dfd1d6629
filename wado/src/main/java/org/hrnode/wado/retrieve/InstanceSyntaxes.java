package org.hrnode.wado.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.index.StoredInstanceRef;

/**
 * Transfer syntax negotiation for retrieving whole instances (PS3.18 §8.7.3.5): what the Accept header allows, and
 * for each stored instance the syntaxes it can be sent in, best first. The stored bytes go out unchanged whenever
 * their syntax is acceptable ({@code transfer-syntax=*} always accepts it); otherwise the instance is transcoded to
 * an accepted syntax this node can produce without loss: a native one, or a lossless compression with an encoder
 * here. Lossy syntaxes are never produced, so a request accepting only those is 406.
 */
final class InstanceSyntaxes {

    /** What the stored syntax is accepted as: {@code transfer-syntax=*}. */
    static final String AS_STORED = "*";
    private static final String DICOM = "application/dicom";

    private final List<String> accepted;

    private InstanceSyntaxes(List<String> accepted) {
        this.accepted = accepted;
    }

    /**
     * The syntaxes accepted for multipart/related parts of type application/dicom, in the client's order of
     * preference; an entry without {@code transfer-syntax} means Explicit VR Little Endian, the PS3.18 default.
     *
     * @throws jakarta.ws.rs.WebApplicationException 406 when no entry accepts application/dicom parts
     */
    static InstanceSyntaxes fromAccept(List<MediaRange> ranges) {
        Set<String> accepted = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            boolean dicomParts = range.admits("multipart", "related") && (range.param(MediaRange.TYPE) == null
                    || range.param(MediaRange.TYPE).equalsIgnoreCase(DICOM));
            if (dicomParts) {
                String ts = range.param(MediaRange.TRANSFER_SYNTAX);
                accepted.add(ts == null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid() : ts.trim());
            }
        }
        if (accepted.isEmpty()) {
            throw WadoErrors.notAcceptable("instances are sent as multipart/related; type=\"application/dicom\";"
                    + " the Accept header asks for none of that");
        }
        return new InstanceSyntaxes(List.copyOf(accepted));
    }

    List<String> accepted() {
        return accepted;
    }

    /** The syntaxes {@code ref} can be sent in, preferred first; empty when none. */
    List<TransferSyntax> candidates(StoredInstanceRef ref) {
        TransferSyntax stored = TransferSyntax.orDefault(ref.transferSyntaxUid());
        Set<TransferSyntax> out = new LinkedHashSet<>();
        for (String uid : accepted) {
            if (uid.equals(AS_STORED) || uid.equals(stored.uid())) {
                out.add(stored);
                continue;
            }
            TransferSyntax target = TransferSyntax.of(uid);
            if (target != null && canTranscode(ref, stored, target)) {
                out.add(target);
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether this node can turn pixel data in {@code from} into {@code to} without loss of what is stored. */
    static boolean canTranscode(StoredInstanceRef ref, TransferSyntax from, TransferSyntax to) {
        if (to.isBigEndian() || to.isVideo() || from.isVideo()) {
            return false;
        }
        if (to.isEncapsulated() && (!to.isLossless() || Codecs.encoderFor(to).isEmpty())) {
            return false;
        }
        return !from.isEncapsulated() || ref.pixelsDecodableHere() && Codecs.decoderFor(from).isPresent();
    }
}
