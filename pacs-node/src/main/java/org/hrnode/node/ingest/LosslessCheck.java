package org.hrnode.node.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest half of the lossless rule (川渝互认 spec §7.1; negotiation refuses lossy transfer syntaxes before).
 * A syntax says how the pixels travel, not what happened to them earlier: an image decompressed from lossy JPEG
 * and sent uncompressed still carries Lossy Image Compression (0028,2110) "01", a ratio or a method, and is refused
 * ({@link IngestException.Reason#LOSSY}). A lossless compressed object must decode, or it is refused
 * ({@link IngestException.Reason#PIXEL_DATA_UNDECODABLE}); only where this machine lacks the codec (CharLS not
 * installed) is it stored as received and reported as not decodable here.
 *
 * <p>The decode check ({@link StoredFramesDecodeCheck}) reads the object back from the blob just stored, not from
 * the arriving stream, one frame at a time.
 */
public final class LosslessCheck {

    private static final String LOSSY_IMAGE_COMPRESSION = "01";
    private static final Logger LOG = LoggerFactory.getLogger(LosslessCheck.class);

    /** What the check found out about the pixels of an object it let through. */
    public enum Verdict {
        /** Stored and kept as they are: lossless compressed and decoded, not an image, or not judged (rule off). */
        KEEP,
        /** Kept as received, but not proven: no codec on this machine for their syntax. */
        NOT_DECODABLE_HERE,
        /** An uncompressed image, to be compressed losslessly after the acknowledgement. */
        COMPRESS
    }

    private final StoredFramesDecodeCheck decodeCheck;
    private final boolean enforced;
    private final UncompressedImages uncompressed;
    private final Consumer<String> compressionQueued;

    private LosslessCheck(BlobStore blobs, ReadOptions readOptions, boolean enforced, UncompressedImages uncompressed,
            Consumer<String> compressionQueued) {
        this.decodeCheck = blobs == null ? null : new StoredFramesDecodeCheck(blobs, readOptions);
        this.enforced = enforced;
        this.uncompressed = uncompressed;
        this.compressionQueued = compressionQueued;
    }

    /**
     * The rule as the programme requires it.
     *
     * @param uncompressed what becomes of uncompressed images from callers not in the AE registry (each registered
     *     AE has its own setting)
     * @param compressionQueued told the SOP Instance UID of each image queued for compression, once it is stored
     */
    public static LosslessCheck enforced(BlobStore blobs, ReadOptions readOptions, UncompressedImages uncompressed,
            Consumer<String> compressionQueued) {
        return new LosslessCheck(Objects.requireNonNull(blobs, "blobs"),
                Objects.requireNonNull(readOptions, "readOptions"), true,
                Objects.requireNonNull(uncompressed, "uncompressed"),
                Objects.requireNonNull(compressionQueued, "compressionQueued"));
    }

    /** No rule: for a node explicitly configured to keep lossy images (lossy-images=accept). */
    public static LosslessCheck off() {
        return new LosslessCheck(null, null, false, UncompressedImages.ACCEPT, uid -> { });
    }

    /**
     * Checks an object just stored under {@code key}, whose header is {@code header}; throws the refusal, after
     * which the caller deletes the blob.
     *
     * @param wholeObject the object's bytes when ingest still holds all of them (a copy taken as they streamed into
     *     the store, up to a mebibyte): the decode check then reads them instead of the blob
     */
    Verdict check(Dataset header, String key, long size, String transferSyntaxUid, IngestSource source,
            Optional<ApplicationEntity> caller, Optional<InputStream> wholeObject) throws IngestException, IOException {
        if (!enforced) {
            return Verdict.KEEP;
        }
        requireNotDeclaredLossy(header);
        TransferSyntax ts = TransferSyntax.orDefault(transferSyntaxUid);
        String sopClass = header.getString(Tag.SOPClassUID);
        if (!ts.isLossless() && ImageStorageSopClasses.isImage(sopClass)) {
            // negotiation refuses these on DIMSE; this holds for every front door (STOW-RS, import)
            throw new IngestException(IngestException.Reason.LOSSY, "lossy image refused: transfer syntax "
                    + ts.uid() + " is " + ts.compression().name().toLowerCase(Locale.ROOT)
                    + "; the mutual-recognition archive stores lossless images only");
        }
        if (!ts.isEncapsulated() && ImageStorageSopClasses.isImage(sopClass)) {
            return switch (caller.map(ApplicationEntity::uncompressed).orElse(uncompressed)) {
                case ACCEPT -> Verdict.KEEP;
                case COMPRESS -> Verdict.COMPRESS;
                case REJECT -> throw new IngestException(IngestException.Reason.NOT_COMPRESSED,
                        "uncompressed image refused: this archive takes images from " + source.callingAeTitle()
                                + " lossless compressed only (JPEG-LS, JPEG 2000, JPEG lossless or RLE)");
            };
        }
        boolean decodable;
        try {
            decodable = decodeCheck.decodesEveryFrame(key, size, ts, wholeObject);
        } catch (PixelDataException | DicomParseException e) {
            throw new IngestException(IngestException.Reason.PIXEL_DATA_UNDECODABLE, "Pixel Data cannot be decoded as "
                    + ts.name() + " (" + e.getMessage() + "); a lossless object must give back its pixels", e);
        }
        if (!decodable) {
            LOG.warn("event=stored_not_decodable_here source={} transfer_syntax={} reason=\"{}\"",
                    source.logName(), transferSyntaxUid, Codecs.unavailableReason(ts));
            return Verdict.NOT_DECODABLE_HERE;
        }
        return Verdict.KEEP;
    }

    /** Once the object is stored and indexed: hands an image queued for compression to the worker. */
    void stored(String sopInstanceUid, Verdict verdict) {
        if (verdict == Verdict.COMPRESS) {
            compressionQueued.accept(sopInstanceUid);
        }
    }

    /** Refuses a data set whose header says its pixels went through lossy compression at some point. */
    private static void requireNotDeclaredLossy(Dataset header) throws IngestException {
        String flag = header.getString(Tag.LossyImageCompression);
        String declared = null;
        if (flag != null && LOSSY_IMAGE_COMPRESSION.equals(flag.strip())) {
            declared = "Lossy Image Compression (0028,2110) is 01";
        } else if (header.contains(Tag.LossyImageCompressionRatio)) {
            declared = "Lossy Image Compression Ratio (0028,2112) present";
        } else if (header.contains(Tag.LossyImageCompressionMethod)) {
            declared = "Lossy Image Compression Method (0028,2114) present";
        }
        if (declared != null) {
            // the reason first: a DIMSE Error Comment (LO) keeps 64 characters
            throw new IngestException(IngestException.Reason.LOSSY, "lossy image refused: " + declared
                    + "; the mutual-recognition archive stores lossless images only, send the original");
        }
    }
}
