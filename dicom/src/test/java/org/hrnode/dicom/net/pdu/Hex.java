package org.hrnode.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Hex text with {@code #} comments to bytes, so golden data can be annotated field by field. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String annotated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : annotated.split("\n")) {
            int comment = line.indexOf('#');
            String hex = (comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s+", "");
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in: " + line);
            }
            out.writeBytes(HexFormat.of().parseHex(hex));
        }
        return out.toByteArray();
    }
}
