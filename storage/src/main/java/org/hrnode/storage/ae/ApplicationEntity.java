package org.hrnode.storage.ae;

import java.util.Objects;

/**
 * A DICOM peer the node knows: its AE title, where to reach it (for C-MOVE destinations), and the institution of the
 * programme it belongs to. Validated on construction; values are as given except the AE title, whose leading and
 * trailing spaces PS3.5 declares insignificant and which is therefore kept trimmed.
 *
 * @param aeTitle         1–{@value #MAX_AE_TITLE_LENGTH} characters of the default repertoire, no backslash
 * @param host            host name or address
 * @param port            TCP port, 1–65535
 * @param institutionCode the programme's code for the institution
 * @param institutionName the institution's name (Chinese as is)
 * @param hospitalLevel   the hospital grade as the programme writes it (三级甲等, 二级, ...); null if unknown
 * @param recognised      whether the institution takes part in mutual recognition
 * @param uncompressed    what becomes of the uncompressed images this AE sends
 */
public record ApplicationEntity(String aeTitle, String host, int port, String institutionCode,
                                String institutionName, String hospitalLevel, boolean recognised,
                                UncompressedImages uncompressed) {

    /** An AE whose uncompressed images are compressed after ingest, the programme's default. */
    public ApplicationEntity(String aeTitle, String host, int port, String institutionCode, String institutionName,
            String hospitalLevel, boolean recognised) {
        this(aeTitle, host, port, institutionCode, institutionName, hospitalLevel, recognised,
                UncompressedImages.COMPRESS);
    }

    public static final int MAX_AE_TITLE_LENGTH = 16;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;
    private static final char FIRST_PRINTABLE = ' ';
    private static final char LAST_PRINTABLE = '~';

    public ApplicationEntity {
        aeTitle = validAeTitle(aeTitle);
        requireText(host, "host of AE " + aeTitle);
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException("port of AE " + aeTitle + " must be " + MIN_PORT + "-" + MAX_PORT
                    + ", got " + port);
        }
        requireText(institutionCode, "institution code of AE " + aeTitle);
        requireText(institutionName, "institution name of AE " + aeTitle);
        Objects.requireNonNull(uncompressed, "uncompressed images policy of AE " + aeTitle);
    }

    /**
     * The AE title trimmed, if valid.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String validAeTitle(String aeTitle) {
        Objects.requireNonNull(aeTitle, "AE title");
        String trimmed = aeTitle.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_AE_TITLE_LENGTH) {
            throw new IllegalArgumentException("AE title must be 1-" + MAX_AE_TITLE_LENGTH
                    + " characters (spaces around it not counted), got '" + aeTitle + "'");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE || c == '\\') {
                throw new IllegalArgumentException("AE title '" + aeTitle + "' may contain only printable ASCII"
                        + " characters other than backslash");
            }
        }
        return trimmed;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
