package org.hrnode.wado.retrieve;

import java.util.regex.Pattern;

/**
 * Checks the UIDs of request paths before they reach the index: digits and single dots, at most 64 characters
 * (PS3.5 §9.1). Anything else — {@code ../} path traversal, quotes, wildcards — is refused with 400 rather than
 * looked up and reported missing. Leading zeros in components are tolerated, as real modalities write them.
 */
final class Uids {

    private static final int MAX_LENGTH = 64;
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private Uids() {
    }

    /** {@code value} when it is a UID; else 400 naming {@code what} (the value itself is not echoed). */
    static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw WadoErrors.badRequest(what + " is missing from the path");
        }
        if (value.length() > MAX_LENGTH || !UID.matcher(value).matches()) {
            throw WadoErrors.badRequest(what + " in the path is not a DICOM UID: a UID is digits separated by"
                    + " single dots, at most " + MAX_LENGTH + " characters (got " + value.length() + " characters)");
        }
        return value;
    }
}
