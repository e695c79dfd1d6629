package org.hrnode.dicom.codec;

/** Defined terms of Photometric Interpretation (0028,0004) that the codecs act on (PS3.3 §C.7.6.3.1.2). */
public final class Photometric {

    public static final String MONOCHROME1 = "MONOCHROME1";
    public static final String MONOCHROME2 = "MONOCHROME2";
    public static final String PALETTE_COLOR = "PALETTE COLOR";
    public static final String RGB = "RGB";
    public static final String YBR_FULL = "YBR_FULL";
    public static final String YBR_FULL_422 = "YBR_FULL_422";
    /** JPEG 2000 reversible colour transform: decoders hand back RGB. */
    public static final String YBR_RCT = "YBR_RCT";
    /** JPEG 2000 irreversible colour transform: decoders hand back RGB. */
    public static final String YBR_ICT = "YBR_ICT";

    private Photometric() {
    }

    /** Whether a JPEG 2000 decoder undoes the component transform, so that the decoded pixels are RGB. */
    public static boolean isJpeg2000ColourTransform(String photometric) {
        return YBR_RCT.equals(photometric) || YBR_ICT.equals(photometric);
    }
}
