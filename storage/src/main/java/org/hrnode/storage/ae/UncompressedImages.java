package org.hrnode.storage.ae;

import java.util.Locale;

/**
 * What happens to an image that arrives uncompressed (lossless rule, 川渝 spec §7.1: the archive holds images in a
 * DICOM lossless compressed format). Configured per AE ({@link ApplicationEntity}) and node-wide for callers that
 * are not registered (dev mode).
 */
public enum UncompressedImages {
    /** Stored as received, acknowledged, then re-encoded losslessly by the compression worker. */
    COMPRESS,
    /** Stored and kept as received. */
    ACCEPT,
    /** Refused: the sender must compress losslessly itself. */
    REJECT;

    /** The configuration spelling: compress, accept, reject. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for {@code text}, or null when it is none of them. */
    public static UncompressedImages ofConfigValue(String text) {
        for (UncompressedImages v : values()) {
            if (v.configValue().equals(text)) {
                return v;
            }
        }
        return null;
    }
}
