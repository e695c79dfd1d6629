package org.hrnode.dicom.data;

import java.util.Arrays;

/**
 * One value of a PN attribute (PS3.5 §6.2.1): up to three component groups, alphabetic, ideographic and phonetic,
 * separated by '=', each of up to five components, family^given^middle^prefix^suffix. Chinese names arrive as
 * {@code Wang^XiaoDong=王^小东=}: the pinyin in the alphabetic group, the characters in the ideographic one.
 *
 * <p>Parses the decoded string (after {@link org.hrnode.dicom.charset.SpecificCharacterSet#decode}, because in
 * ISO 2022 bytes '^' and '=' can only be found after decoding) of a single value: split multi-valued PN at
 * backslashes first. Nothing is lost: a malformed value with more than five components or three groups keeps the
 * extra delimiters inside the last component, so {@link #toString()} still gives it back.
 *
 * <p>Immutable.
 */
public final class PersonName {

    /** The component groups, in the order they appear. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** The components of a group, in the order they appear. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    public static final char GROUP_DELIMITER = '=';
    public static final char COMPONENT_DELIMITER = '^';

    private static final int GROUPS = Group.values().length;
    private static final int COMPONENTS = Component.values().length;
    private static final String[] NO_COMPONENTS = new String[COMPONENTS];

    static {
        Arrays.fill(NO_COMPONENTS, "");
    }

    /** [group][component], never null, "" where absent. */
    private final String[][] components;

    private PersonName(String[][] components) {
        this.components = components;
    }

    /** Reads one PN value such as {@code Wang^XiaoDong=王^小东}; null or "" gives an empty name. */
    public static PersonName parse(String value) {
        String[][] components = new String[GROUPS][];
        String[] groups = split(value == null ? "" : value, GROUP_DELIMITER, GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            components[g] = split(groups[g], COMPONENT_DELIMITER, COMPONENTS);
        }
        return new PersonName(components);
    }

    /**
     * The three component groups of a PN value exactly as written (absent ones empty; a surplus stays, with its
     * delimiters, in the last), for encoders that carry the groups separately, such as DICOM JSON.
     */
    public static String[] splitGroups(String value) {
        return split(value, GROUP_DELIMITER, GROUPS);
    }

    /**
     * A name from its three groups, each in DICOM form ({@code family^given^...}); null or "" for an absent group.
     */
    public static PersonName of(String alphabetic, String ideographic, String phonetic) {
        return new Builder().group(Group.ALPHABETIC, alphabetic).group(Group.IDEOGRAPHIC, ideographic)
                .group(Group.PHONETIC, phonetic).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The alphabetic group in DICOM form, trailing empty components removed; "" if absent. */
    public String alphabetic() {
        return group(Group.ALPHABETIC);
    }

    public String ideographic() {
        return group(Group.IDEOGRAPHIC);
    }

    public String phonetic() {
        return group(Group.PHONETIC);
    }

    /** One group in DICOM form ({@code 王^小东}), trailing empty components removed; "" if absent. */
    public String group(Group group) {
        String[] c = components[group.ordinal()];
        int n = COMPONENTS;
        while (n > 0 && c[n - 1].isEmpty()) {
            n--;
        }
        return String.join(String.valueOf(COMPONENT_DELIMITER), Arrays.asList(c).subList(0, n));
    }

    /** One component; "" if absent. */
    public String component(Group group, Component component) {
        return components[group.ordinal()][component.ordinal()];
    }

    /** Whether every component of every group is empty. */
    public boolean isEmpty() {
        return toString().isEmpty();
    }

    /** The DICOM form, trailing empty groups and components removed as PS3.5 §6.2.1 allows. */
    @Override
    public String toString() {
        String[] groups = new String[GROUPS];
        int n = 0;
        for (Group g : Group.values()) {
            groups[g.ordinal()] = group(g);
            if (!groups[g.ordinal()].isEmpty()) {
                n = g.ordinal() + 1;
            }
        }
        return String.join(String.valueOf(GROUP_DELIMITER), Arrays.asList(groups).subList(0, n));
    }

    /** Names are equal when their DICOM forms are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** {@code limit} parts of {@code s} split at {@code delimiter}, the last keeping any further delimiters. */
    private static String[] split(String s, char delimiter, int limit) {
        String[] parts = new String[limit];
        Arrays.fill(parts, "");
        int start = 0;
        for (int i = 0; i < limit - 1; i++) {
            int at = s.indexOf(delimiter, start);
            if (at < 0) {
                parts[i] = s.substring(start);
                return parts;
            }
            parts[i] = s.substring(start, at);
            start = at + 1;
        }
        parts[limit - 1] = s.substring(start);
        return parts;
    }

    /** Assembles a name component by component. Values may not contain '=', '^' or '\'. */
    public static final class Builder {
        private final String[][] components = new String[GROUPS][];

        private Builder() {
            for (int g = 0; g < GROUPS; g++) {
                components[g] = NO_COMPONENTS.clone();
            }
        }

        /**
         * @throws IllegalArgumentException if the value contains a PN delimiter
         */
        public Builder set(Group group, Component component, String value) {
            String v = value == null ? "" : value;
            if (v.indexOf(GROUP_DELIMITER) >= 0 || v.indexOf(COMPONENT_DELIMITER) >= 0 || v.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("PN component " + group + "/" + component
                        + " may not contain '=', '^' or '\\': " + v);
            }
            components[group.ordinal()][component.ordinal()] = v;
            return this;
        }

        /**
         * Sets a whole group from its DICOM form ({@code family^given^middle^prefix^suffix}).
         *
         * @throws IllegalArgumentException if it contains '=' or '\' or more than five components
         */
        public Builder group(Group group, String dicomForm) {
            String v = dicomForm == null ? "" : dicomForm;
            if (v.indexOf(GROUP_DELIMITER) >= 0 || v.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("PN group " + group + " may not contain '=' or '\\': " + v);
            }
            String[] parts = v.split("\\^", -1);
            if (parts.length > COMPONENTS) {
                throw new IllegalArgumentException("PN group " + group + " has more than " + COMPONENTS
                        + " components: " + v);
            }
            String[] c = NO_COMPONENTS.clone();
            System.arraycopy(parts, 0, c, 0, parts.length);
            components[group.ordinal()] = c;
            return this;
        }

        public PersonName build() {
            String[][] copy = new String[GROUPS][];
            for (int g = 0; g < GROUPS; g++) {
                copy[g] = components[g].clone();
            }
            return new PersonName(copy);
        }
    }
}
