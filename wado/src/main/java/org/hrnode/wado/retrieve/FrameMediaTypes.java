package org.hrnode.wado.retrieve;

import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * Media type negotiation for frames (PS3.18 §8.7.3.5.3, Table 8.7.3-5): uncompressed frames as
 * {@code application/octet-stream}, or compressed frames as stored in the image media type of their syntax
 * ({@code image/jls}, {@code image/jp2}, {@code image/jpeg}, {@code image/dicom-rle}, {@code image/jphc}), never
 * re-encoded. {@code application/octet-stream} with {@code transfer-syntax=*} takes the frames as stored whatever
 * their syntax, as OHIF asks by default; the part's Content-Type then names the syntax for the client's decoder.
 */
final class FrameMediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    /** How the frames of one instance are sent. */
    record Choice(String partType, boolean decode, String transferSyntaxUid) {
        String partContentType() {
            return partType + "; transfer-syntax=" + transferSyntaxUid;
        }
    }

    private static final Map<String, List<String>> IMAGE_TYPES = Map.ofEntries(
            Map.entry(TransferSyntax.JPEG_LS_LOSSLESS.uid(), List.of("image/jls")),
            Map.entry(TransferSyntax.JPEG_LS_NEAR_LOSSLESS.uid(), List.of("image/jls")),
            Map.entry(TransferSyntax.JPEG_2000_LOSSLESS.uid(), List.of("image/jp2")),
            Map.entry(TransferSyntax.JPEG_2000.uid(), List.of("image/jp2")),
            Map.entry(TransferSyntax.HTJ2K_LOSSLESS.uid(), List.of("image/jphc")),
            Map.entry(TransferSyntax.HTJ2K_LOSSLESS_RPCL.uid(), List.of("image/jphc")),
            Map.entry(TransferSyntax.HTJ2K.uid(), List.of("image/jphc")),
            Map.entry(TransferSyntax.JPEG_BASELINE_8BIT.uid(), List.of("image/jpeg")),
            Map.entry(TransferSyntax.JPEG_EXTENDED_12BIT.uid(), List.of("image/jpeg")),
            Map.entry(TransferSyntax.JPEG_LOSSLESS.uid(), List.of("image/jpeg")),
            Map.entry(TransferSyntax.JPEG_LOSSLESS_SV1.uid(), List.of("image/jpeg")),
            Map.entry(TransferSyntax.RLE_LOSSLESS.uid(), List.of("image/dicom-rle", "image/x-dicom-rle")));

    private FrameMediaTypes() {
    }

    /** The image media types compressed frames of {@code ts} are sent as; empty for native syntaxes. */
    static List<String> imageTypesOf(TransferSyntax ts) {
        return IMAGE_TYPES.getOrDefault(ts.uid(), List.of());
    }

    /**
     * The first Accept entry these frames can satisfy.
     *
     * @param stored    the stored syntax of the frames
     * @param canDecode whether compressed frames can be decoded here
     * @throws jakarta.ws.rs.WebApplicationException 406 when none
     */
    static Choice choose(List<MediaRange> ranges, TransferSyntax stored, boolean canDecode) {
        String explicitLe = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
        for (MediaRange range : ranges) {
            if (!range.admits("multipart", "related")) {
                continue;
            }
            String type = range.param(MediaRange.TYPE);
            String ts = range.param(MediaRange.TRANSFER_SYNTAX);
            if (type == null || type.equalsIgnoreCase(OCTET_STREAM)) {
                if (InstanceSyntaxes.AS_STORED.equals(ts)) {
                    return new Choice(OCTET_STREAM, false, stored.isEncapsulated() ? stored.uid() : explicitLe);
                }
                boolean uncompressedWanted = ts == null || ts.equals(explicitLe);
                if (uncompressedWanted && (!stored.isEncapsulated() || canDecode)) {
                    return new Choice(OCTET_STREAM, stored.isEncapsulated(), explicitLe);
                }
                if (ts != null && ts.equals(stored.uid()) && stored.isEncapsulated()) {
                    return new Choice(OCTET_STREAM, false, stored.uid());
                }
                continue;
            }
            String lower = type.toLowerCase(java.util.Locale.ROOT);
            boolean syntaxFits = ts == null || InstanceSyntaxes.AS_STORED.equals(ts) || ts.equals(stored.uid());
            if (imageTypesOf(stored).contains(lower) && syntaxFits) {
                return new Choice(lower, false, stored.uid());
            }
        }
        throw WadoErrors.notAcceptable("frames of this instance are stored in " + stored.uid() + " and can be sent"
                + " as multipart/related; type=\"application/octet-stream\" (uncompressed"
                + (stored.isEncapsulated() && !canDecode ? " is not possible here: no decoder" : "")
                + ", or transfer-syntax=* as stored)" + (imageTypesOf(stored).isEmpty() ? ""
                : " or type=\"" + imageTypesOf(stored).getFirst() + "\""));
    }
}
