package org.hrnode.storage.index.query;

/** The Query/Retrieve Level (0008,0052) of PS3.4 C.6: which entity a query returns one match per. */
public enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE;

    /** The value of (0008,0052) for this level. */
    public String code() {
        return name();
    }

    /**
     * The level named by a (0008,0052) value.
     *
     * @throws InvalidQueryException if the value names no level
     */
    public static QueryLevel fromCode(String code) {
        String trimmed = code == null ? "" : code.trim();
        for (QueryLevel level : values()) {
            if (level.name().equals(trimmed)) {
                return level;
            }
        }
        throw new InvalidQueryException("Query/Retrieve Level (0008,0052) must be PATIENT, STUDY, SERIES or IMAGE,"
                + " got '" + trimmed + "'");
    }

    /** Whether this level is {@code other} or above it (PATIENT above STUDY above SERIES above IMAGE). */
    public boolean isAtOrAbove(QueryLevel other) {
        return ordinal() <= other.ordinal();
    }
}
