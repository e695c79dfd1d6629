package org.hrnode.node.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do on the node (川渝/宁夏 mutual recognition: institution, clinician, quality control, management
 * duties). Token claims and the {@code accounts} table name roles by {@link #claim()}.
 */
public enum Role {
    /** An institution's sending system: stores (C-STORE, STOW-RS) for its own institution only. */
    UPLOADER("uploader"),
    /** A clinician: queries and retrieves (QIDO/WADO, rendered, C-FIND/C-MOVE/C-GET). */
    VIEWER("viewer"),
    /** A quality-control reviewer: the console and QC APIs, decisions. */
    REVIEWER("reviewer"),
    /** Operators: AE registry, catalogue mappings, recognition registry, accounts, configuration. */
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The role a claim names (case-insensitive), empty for names this node does not know (other apps' roles). */
    public static Optional<Role> ofClaim(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.claim.equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
