package org.hrnode.dicom.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.dict.UIDs;

/**
 * The transfer syntaxes of PS3.5 §10 and PS3.6 Annex A, classified by hand: how the data set is encoded,
 * whether Pixel Data is encapsulated, and whether its compression may have lost information. The dictionary
 * knows only names, so the classification lives here; every transfer syntax in {@link UIDs} must appear.
 *
 * <p>Compression is judged as a storage policy needs it: a syntax that <em>may</em> be irreversible is
 * {@link Compression#LOSSY} (JPEG 2000 .91, JPEG-LS near-lossless .81, HTJ2K .203), and a syntax this
 * registry does not know is {@link Compression#UNKNOWN}, so policy code can refuse it.
 */
public final class TransferSyntax {

    /** How the data set itself is encoded. Every encapsulated syntax uses explicit VR little endian. */
    public enum Encoding {
        IMPLICIT_VR_LITTLE_ENDIAN,
        EXPLICIT_VR_LITTLE_ENDIAN,
        /** Retired in PS3.5 since 2004, still met in old archives. */
        EXPLICIT_VR_BIG_ENDIAN,
        /** Explicit VR little endian, the whole data set after the file meta group deflated (RFC 1951). */
        DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN
    }

    /** What compression did to the pixels. */
    public enum Compression {
        /** Pixel data as acquired (native, or encapsulated uncompressed). */
        NONE,
        /** Compressed, but decoding restores every pixel exactly. */
        LOSSLESS,
        /** Compressed, and the syntax allows (or requires) irreversible compression. */
        LOSSY,
        /** A private or future syntax this registry does not classify. */
        UNKNOWN
    }

    private static final Map<String, TransferSyntax> REGISTRY = new LinkedHashMap<>();

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            nativeSyntax(UID.ImplicitVRLittleEndian, Encoding.IMPLICIT_VR_LITTLE_ENDIAN);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            nativeSyntax(UID.ExplicitVRLittleEndian, Encoding.EXPLICIT_VR_LITTLE_ENDIAN);
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN =
            encapsulated(UID.EncapsulatedUncompressedExplicitVRLittleEndian, Compression.NONE);
    /** Deflate compresses the data set, not the pixels: compression is NONE. */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            nativeSyntax(UID.DeflatedExplicitVRLittleEndian, Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            nativeSyntax(UID.ExplicitVRBigEndian, Encoding.EXPLICIT_VR_BIG_ENDIAN);

    public static final TransferSyntax JPEG_BASELINE_8BIT = encapsulated(UID.JPEGBaseline8Bit, Compression.LOSSY);
    public static final TransferSyntax JPEG_EXTENDED_12BIT = encapsulated(UID.JPEGExtended12Bit, Compression.LOSSY);
    /** Process 14, any selection value. */
    public static final TransferSyntax JPEG_LOSSLESS = encapsulated(UID.JPEGLossless, Compression.LOSSLESS);
    /** Process 14, selection value 1: the default lossless JPEG. */
    public static final TransferSyntax JPEG_LOSSLESS_SV1 = encapsulated(UID.JPEGLosslessSV1, Compression.LOSSLESS);
    public static final TransferSyntax JPEG_LS_LOSSLESS = encapsulated(UID.JPEGLSLossless, Compression.LOSSLESS);
    /** Near-lossless: each pixel within a bounded error of the original, so not lossless. */
    public static final TransferSyntax JPEG_LS_NEAR_LOSSLESS =
            encapsulated(UID.JPEGLSNearLossless, Compression.LOSSY);
    public static final TransferSyntax JPEG_2000_LOSSLESS = encapsulated(UID.JPEG2000Lossless, Compression.LOSSLESS);
    /** "Lossless or lossy": the encoder may have used the irreversible wavelet, so it counts as lossy. */
    public static final TransferSyntax JPEG_2000 = encapsulated(UID.JPEG2000, Compression.LOSSY);
    public static final TransferSyntax HTJ2K_LOSSLESS = encapsulated("1.2.840.10008.1.2.4.201",
            "High-Throughput JPEG 2000 Image Compression (Lossless Only)", Compression.LOSSLESS);
    public static final TransferSyntax HTJ2K_LOSSLESS_RPCL = encapsulated("1.2.840.10008.1.2.4.202",
            "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", Compression.LOSSLESS);
    /** May be irreversible, like {@link #JPEG_2000}. */
    public static final TransferSyntax HTJ2K = encapsulated("1.2.840.10008.1.2.4.203",
            "High-Throughput JPEG 2000 Image Compression", Compression.LOSSY);
    public static final TransferSyntax RLE_LOSSLESS = encapsulated(UID.RLELossless, Compression.LOSSLESS);
    /** Each frame deflated separately (PS3.5 §8.2.16); unlike .1.2.1.99 the data set stays readable. */
    public static final TransferSyntax DEFLATED_IMAGE_FRAME_COMPRESSION = encapsulated("1.2.840.10008.1.2.8.1",
            "Deflated Image Frame Compression", Compression.LOSSLESS);

    static {
        registerRetiredJpegProcesses();
        registerJpeg2000Part2AndJpegXl();
        registerReferencedPixelData();
        registerVideo();
        registerOthers();
    }

    private final String uid;
    private final String name;
    private final Encoding encoding;
    private final boolean encapsulated;
    private final Compression compression;
    private final boolean retired;
    private final boolean video;

    private TransferSyntax(String uid, String name, Encoding encoding, boolean encapsulated,
                           Compression compression, boolean retired, boolean video) {
        this.uid = uid;
        this.name = name;
        this.encoding = encoding;
        this.encapsulated = encapsulated;
        this.compression = compression;
        this.retired = retired;
        this.video = video;
    }

    /** The registered transfer syntax {@code uid}, or null. Trailing NUL or space padding is ignored. */
    public static TransferSyntax of(String uid) {
        Objects.requireNonNull(uid, "uid");
        return REGISTRY.get(UIDs.withoutPadding(uid));
    }

    /**
     * The registered transfer syntax {@code uid}, or, for a private or future one, what PS3.5 §10 requires of
     * any syntax with encapsulated pixel data: explicit VR little endian, encapsulated, compression
     * {@link Compression#UNKNOWN}. The data set can be parsed; the pixels cannot be judged.
     */
    public static TransferSyntax orDefault(String uid) {
        TransferSyntax known = of(uid);
        if (known != null) {
            return known;
        }
        String bare = UIDs.withoutPadding(uid);
        return new TransferSyntax(bare, UIDs.nameOf(bare), Encoding.EXPLICIT_VR_LITTLE_ENDIAN, true,
                Compression.UNKNOWN, false, false);
    }

    /** Every registered transfer syntax, the common ones first. */
    public static List<TransferSyntax> all() {
        return List.copyOf(REGISTRY.values());
    }

    public String uid() {
        return uid;
    }

    /** The PS3.6 name ("JPEG Lossless, Non-Hierarchical (Process 14)"), the UID itself if unknown. */
    public String name() {
        return name;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Whether Pixel Data is a sequence of fragments (PS3.5 §A.4) rather than native values. */
    public boolean isEncapsulated() {
        return encapsulated;
    }

    public Compression compression() {
        return compression;
    }

    public boolean isRetired() {
        return retired;
    }

    /** Whether Pixel Data is a video stream (MPEG-2, H.264, HEVC) or a SMPTE ST 2110 flow. */
    public boolean isVideo() {
        return video;
    }

    /** Whether decoding yields the pixels as acquired: compression NONE or LOSSLESS. */
    public boolean isLossless() {
        return compression == Compression.NONE || compression == Compression.LOSSLESS;
    }

    public boolean isBigEndian() {
        return encoding == Encoding.EXPLICIT_VR_BIG_ENDIAN;
    }

    public boolean isImplicitVR() {
        return encoding == Encoding.IMPLICIT_VR_LITTLE_ENDIAN;
    }

    /** Whether the data set after the file meta group is deflated (.1.2.1.99 and the JPIP Deflate syntaxes). */
    public boolean isDeflated() {
        return encoding == Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransferSyntax that && uid.equals(that.uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return uid + " (" + name + ")";
    }

    /** All retired JPEG processes: DCT-based ones are lossy, processes 15, 28 and 29 are lossless. */
    private static void registerRetiredJpegProcesses() {
        for (String uid : List.of(UID.JPEGExtended35, UID.JPEGSpectralSelectionNonHierarchical68,
                UID.JPEGSpectralSelectionNonHierarchical79, UID.JPEGFullProgressionNonHierarchical1012,
                UID.JPEGFullProgressionNonHierarchical1113, UID.JPEGExtendedHierarchical1618,
                UID.JPEGExtendedHierarchical1719, UID.JPEGSpectralSelectionHierarchical2022,
                UID.JPEGSpectralSelectionHierarchical2123, UID.JPEGFullProgressionHierarchical2426,
                UID.JPEGFullProgressionHierarchical2527)) {
            encapsulated(uid, Compression.LOSSY);
        }
        for (String uid : List.of(UID.JPEGLosslessNonHierarchical15, UID.JPEGLosslessHierarchical28,
                UID.JPEGLosslessHierarchical29)) {
            encapsulated(uid, Compression.LOSSLESS);
        }
    }

    private static void registerJpeg2000Part2AndJpegXl() {
        encapsulated(UID.JPEG2000MCLossless, Compression.LOSSLESS);
        encapsulated(UID.JPEG2000MC, Compression.LOSSY);
        encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", Compression.LOSSLESS);
        // Lossless recompression of a JPEG baseline stream: the pixels are those of the lossy JPEG.
        encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", Compression.LOSSY);
        encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL", Compression.LOSSY);
    }

    /**
     * JPIP: Pixel Data is absent, replaced by a URL (Pixel Data Provider URL) to a JPEG 2000 server that may
     * serve irreversible quality layers, hence not encapsulated and LOSSY. The Deflate variants deflate the
     * data set.
     */
    private static void registerReferencedPixelData() {
        register(UID.JPIPReferenced, null, Encoding.EXPLICIT_VR_LITTLE_ENDIAN, false, Compression.LOSSY, false);
        register(UID.JPIPReferencedDeflate, null, Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false,
                Compression.LOSSY, false);
        register("1.2.840.10008.1.2.4.204", "JPIP HTJ2K Referenced", Encoding.EXPLICIT_VR_LITTLE_ENDIAN, false,
                Compression.LOSSY, false);
        register("1.2.840.10008.1.2.4.205", "JPIP HTJ2K Referenced Deflate",
                Encoding.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, false, Compression.LOSSY, false);
    }

    /**
     * MPEG-2, H.264 and HEVC streams, all lossy, with their fragmentable (".1") variants; and SMPTE ST 2110
     * (DICOM-RTV), whose uncompressed video and audio flows travel outside the data set.
     */
    private static void registerVideo() {
        for (String uid : List.of(UID.MPEG2MPML, UID.MPEG2MPHL, UID.MPEG4HP41, UID.MPEG4HP41BD, UID.MPEG4HP422D,
                UID.MPEG4HP423D, UID.MPEG4HP42STEREO, UID.HEVCMP51, UID.HEVCM10P51)) {
            video(uid, null);
        }
        video("1.2.840.10008.1.2.4.100.1", "Fragmentable MPEG2 Main Profile / Main Level");
        video("1.2.840.10008.1.2.4.101.1", "Fragmentable MPEG2 Main Profile / High Level");
        video("1.2.840.10008.1.2.4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1");
        video("1.2.840.10008.1.2.4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1");
        video("1.2.840.10008.1.2.4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video");
        video("1.2.840.10008.1.2.4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video");
        video("1.2.840.10008.1.2.4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2");
        for (String uid : List.of(UID.SMPTEST211020UncompressedProgressiveActiveVideo,
                UID.SMPTEST211020UncompressedInterlacedActiveVideo, UID.SMPTEST211030PCMDigitalAudio)) {
            register(uid, null, Encoding.EXPLICIT_VR_LITTLE_ENDIAN, false, Compression.NONE, true);
        }
    }

    /**
     * Retired oddities: Papyrus 3 is plain implicit VR; MIME (RFC 2557) and XML encoding are not binary
     * encodings at all, registered with compression NONE so that every PS3.6 transfer syntax is classified.
     */
    private static void registerOthers() {
        nativeSyntax(UID.Papyrus3ImplicitVRLittleEndian, Encoding.IMPLICIT_VR_LITTLE_ENDIAN);
        nativeSyntax(UID.RFC2557MIMEEncapsulation, Encoding.EXPLICIT_VR_LITTLE_ENDIAN);
        nativeSyntax(UID.XMLEncoding, Encoding.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static TransferSyntax nativeSyntax(String uid, Encoding encoding) {
        return register(uid, null, encoding, false, Compression.NONE, false);
    }

    private static TransferSyntax encapsulated(String uid, Compression compression) {
        return encapsulated(uid, null, compression);
    }

    private static TransferSyntax encapsulated(String uid, String nameIfNotInDictionary, Compression compression) {
        return register(uid, nameIfNotInDictionary, Encoding.EXPLICIT_VR_LITTLE_ENDIAN, true, compression, false);
    }

    private static void video(String uid, String nameIfNotInDictionary) {
        register(uid, nameIfNotInDictionary, Encoding.EXPLICIT_VR_LITTLE_ENDIAN, true, Compression.LOSSY, true);
    }

    /**
     * Name and retired flag come from the dictionary; {@code nameIfNotInDictionary} covers syntaxes newer than
     * the pydicom release it was generated from (and is ignored once the dictionary knows them).
     */
    private static TransferSyntax register(String uid, String nameIfNotInDictionary, Encoding encoding,
                                           boolean encapsulated, Compression compression, boolean video) {
        UIDs.Info info = UIDs.lookup(uid);
        String name = info != null && info.name() != null ? info.name()
                : Objects.requireNonNull(nameIfNotInDictionary, () -> uid + " is not in the dictionary: name it");
        boolean retired = info != null && info.retired();
        TransferSyntax syntax = new TransferSyntax(uid, name, encoding, encapsulated, compression, retired, video);
        if (REGISTRY.putIfAbsent(uid, syntax) != null) {
            throw new IllegalStateException(uid + " registered twice");
        }
        return syntax;
    }
}
