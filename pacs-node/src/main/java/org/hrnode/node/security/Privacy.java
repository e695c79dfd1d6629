package org.hrnode.node.security;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Patient identifiers (name, ID, 身份证号) are personal sensitive data (宁夏 spec 7.7.5): shown only to callers whose
 * duty needs them, masked for the others, and never written to logs.
 */
public final class Privacy {

    private Privacy() {
    }

    /** Clinicians see who the patient is; reviewers judge image quality and admins run the node: they see masks. */
    public static boolean mayViewIdentifiers(SecurityContext caller) {
        return caller != null && caller.isUserInRole(Role.VIEWER.claim());
    }

    public static boolean mayViewIdentifiers(NodePrincipal caller) {
        return caller != null && caller.has(Role.VIEWER);
    }

    /**
     * A name reduced to its first character ({@code 张*}, {@code W*}), DICOM PN groups and components dropped. Enough
     * for a reviewer to tell two studies apart on screen, not enough to identify anyone.
     */
    public static String maskName(String personName) {
        if (personName == null || personName.isBlank()) {
            return personName;
        }
        String first = personName.strip();
        int cp = first.codePointAt(0);
        return new String(Character.toChars(cp)) + "*";
    }

    /**
     * An identifier with all but its last four characters masked ({@code ************1234}); identifiers of four or
     * fewer characters are masked whole.
     */
    public static String maskId(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        int keep = id.length() > 4 ? 4 : 0;
        return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
    }

    /** {@code name} as {@code caller} may see it. */
    public static String name(SecurityContext caller, String personName) {
        return mayViewIdentifiers(caller) ? personName : maskName(personName);
    }

    /** {@code id} as {@code caller} may see it. */
    public static String id(SecurityContext caller, String id) {
        return mayViewIdentifiers(caller) ? id : maskId(id);
    }
}
