package org.hrnode.dicom.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hrnode.dicom.codec.j2k.Jpeg2000Decoder;
import org.hrnode.dicom.codec.j2k.Jpeg2000Encoder;
import org.hrnode.dicom.codec.jpeg.JpegLosslessDecoder;
import org.hrnode.dicom.codec.jpegls.CharLsLibrary;
import org.hrnode.dicom.codec.jpegls.JpegLsDecoder;
import org.hrnode.dicom.codec.jpegls.JpegLsEncoder;
import org.hrnode.dicom.codec.rle.RleDecoder;
import org.hrnode.dicom.codec.rle.RleEncoder;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * Which decoder and encoder serve which transfer syntax, and whether each can run on this machine. Encoders
 * exist for lossless syntaxes only: asking for a lossy one is a programming error, not a missing codec.
 * {@link Codecs} holds the process-wide instance; tests build their own, e.g. with a CharLS that is missing.
 */
public final class CodecRegistry {

    private final Map<String, FrameDecoder> decoders = new LinkedHashMap<>();
    private final Map<String, FrameEncoder> encoders = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    public CodecRegistry(CharLsLibrary charLs) {
        JpegLosslessDecoder jpeg = new JpegLosslessDecoder();
        decoders.put(TransferSyntax.JPEG_LOSSLESS_SV1.uid(), jpeg);
        decoders.put(TransferSyntax.JPEG_LOSSLESS.uid(), jpeg);
        if (!JpegLosslessDecoder.isAvailable()) {
            problem("lossless JPEG needs TwelveMonkeys imageio-jpeg on the class path",
                    TransferSyntax.JPEG_LOSSLESS_SV1, TransferSyntax.JPEG_LOSSLESS);
        }

        decoders.put(TransferSyntax.JPEG_LS_LOSSLESS.uid(), new JpegLsDecoder(charLs, true));
        decoders.put(TransferSyntax.JPEG_LS_NEAR_LOSSLESS.uid(), new JpegLsDecoder(charLs, false));
        encoders.put(TransferSyntax.JPEG_LS_LOSSLESS.uid(), new JpegLsEncoder(charLs));
        if (!charLs.isAvailable()) {
            problem(charLs.problem(), TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS);
        }

        decoders.put(TransferSyntax.JPEG_2000_LOSSLESS.uid(), new Jpeg2000Decoder(true));
        decoders.put(TransferSyntax.JPEG_2000.uid(), new Jpeg2000Decoder(false));
        encoders.put(TransferSyntax.JPEG_2000_LOSSLESS.uid(), new Jpeg2000Encoder());
        if (!Jpeg2000Decoder.isAvailable()) {
            problem("JPEG 2000 needs jai-imageio-jpeg2000 on the class path",
                    TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.JPEG_2000);
        }

        decoders.put(TransferSyntax.RLE_LOSSLESS.uid(), new RleDecoder());
        encoders.put(TransferSyntax.RLE_LOSSLESS.uid(), new RleEncoder());
    }

    private void problem(String reason, TransferSyntax... syntaxes) {
        for (TransferSyntax ts : syntaxes) {
            problems.put(ts.uid(), reason);
        }
    }

    /** The decoder for an encapsulated syntax, if one is registered and runs here. */
    public Optional<FrameDecoder> decoderFor(TransferSyntax ts) {
        return problems.containsKey(ts.uid()) ? Optional.empty() : Optional.ofNullable(decoders.get(ts.uid()));
    }

    /**
     * The lossless encoder for {@code ts}, if it runs here. Throws {@link IllegalArgumentException} for a syntax
     * that is not lossless: HR Node never produces lossy pixel data.
     */
    public Optional<FrameEncoder> encoderFor(TransferSyntax ts) {
        if (ts.compression() != TransferSyntax.Compression.LOSSLESS) {
            throw new IllegalArgumentException("HR Node encodes lossless transfer syntaxes only, not " + ts);
        }
        return problems.containsKey(ts.uid()) ? Optional.empty() : Optional.ofNullable(encoders.get(ts.uid()));
    }

    /** Whether pixel data in {@code ts} can be decoded here: native syntaxes always, encapsulated ones by codec. */
    public boolean isAvailable(TransferSyntax ts) {
        return !ts.isEncapsulated() && !ts.isVideo() || decoderFor(ts).isPresent();
    }

    /** Why pixel data in {@code ts} cannot be decoded here, for people to read; null when it can. */
    public String unavailableReason(TransferSyntax ts) {
        if (isAvailable(ts)) {
            return null;
        }
        String problem = problems.get(ts.uid());
        return problem != null ? problem : "no decoder for " + ts + " in HR Node";
    }

    /** The decoder for {@code ts}, or an exception saying why there is none. */
    public FrameDecoder requireDecoder(TransferSyntax ts) throws PixelDataException {
        Optional<FrameDecoder> decoder = decoderFor(ts);
        if (decoder.isEmpty()) {
            throw new PixelDataException("cannot decode " + ts + ": " + unavailableReason(ts));
        }
        return decoder.get();
    }

    /** The encoder for lossless {@code ts}, or an exception saying why there is none. */
    public FrameEncoder requireEncoder(TransferSyntax ts) throws PixelDataException {
        Optional<FrameEncoder> encoder = encoderFor(ts);
        if (encoder.isEmpty()) {
            String problem = problems.get(ts.uid());
            throw new PixelDataException("cannot encode " + ts + ": "
                    + (problem != null ? problem : "HR Node has no encoder for it"));
        }
        return encoder.get();
    }

    /**
     * Puts {@code encoder} in place of the one registered for its syntax. For tests that must show what the
     * transcoder does with an encoder that is not exact; production code never replaces codecs.
     */
    void replaceEncoder(FrameEncoder encoder) {
        encoders.put(encoder.transferSyntax().uid(), encoder);
    }

    /** Syntaxes with a registered decoder, in registration order. */
    Iterable<String> decodableUids() {
        return decoders.keySet();
    }

    Iterable<String> encodableUids() {
        return encoders.keySet();
    }

    /** Reasons by transfer syntax UID for the codecs that cannot run here. */
    Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }
}
