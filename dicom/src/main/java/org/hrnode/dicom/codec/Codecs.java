package org.hrnode.dicom.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.codec.jpegls.CharLsLibrary;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * The process-wide codec registry: which transfer syntaxes this node can decode and encode, built on first use
 * (which is when CharLS is looked for). A missing native library never stops the node: {@link #availability()}
 * says what is missing, and objects in that syntax are stored as received and marked not decodable here.
 */
public final class Codecs {

    private static final class Holder {
        private static final CodecRegistry REGISTRY = new CodecRegistry(CharLsLibrary.get());
    }

    /**
     * What the codecs can do on this machine: a one-line summary for the startup log and one line per missing
     * piece (empty when all is there).
     */
    public record Availability(String summary, List<String> problems) {
        public boolean isComplete() {
            return problems.isEmpty();
        }
    }

    private Codecs() {
    }

    public static CodecRegistry registry() {
        return Holder.REGISTRY;
    }

    public static Optional<FrameDecoder> decoderFor(TransferSyntax ts) {
        return registry().decoderFor(ts);
    }

    /** See {@link CodecRegistry#encoderFor}: lossy syntaxes are refused with an exception. */
    public static Optional<FrameEncoder> encoderFor(TransferSyntax ts) {
        return registry().encoderFor(ts);
    }

    public static boolean isAvailable(TransferSyntax ts) {
        return registry().isAvailable(ts);
    }

    /** Null when {@code ts} can be decoded here. */
    public static String unavailableReason(TransferSyntax ts) {
        return registry().unavailableReason(ts);
    }

    /** For the startup log: what decodes and encodes here, and what does not and why. */
    public static Availability availability() {
        return availabilityOf(registry());
    }

    static Availability availabilityOf(CodecRegistry registry) {
        List<String> decode = new ArrayList<>();
        List<String> encode = new ArrayList<>();
        for (String uid : registry.decodableUids()) {
            TransferSyntax ts = TransferSyntax.of(uid);
            if (registry.isAvailable(ts)) {
                decode.add(ts.name());
            }
        }
        for (String uid : registry.encodableUids()) {
            TransferSyntax ts = TransferSyntax.of(uid);
            if (registry.encoderFor(ts).isPresent()) {
                encode.add(ts.name());
            }
        }
        Set<String> problems = new LinkedHashSet<>();
        registry.problems().values().forEach(reason -> problems.add(reason
                + "; objects in that syntax are stored as received and marked not decodable here"));
        String summary = "pixel codecs: decode uncompressed, " + String.join(", ", decode) + "; encode "
                + String.join(", ", encode);
        return new Availability(summary, List.copyOf(problems));
    }
}
