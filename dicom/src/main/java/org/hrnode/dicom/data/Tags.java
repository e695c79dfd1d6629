package org.hrnode.dicom.data;

/** Arithmetic on 32-bit attribute tags {@code (gggg,eeee)}: the group in the high half, the element in the low. */
public final class Tags {

    /** Elements (gggg,0010)–(gggg,00FF) of an odd group reserve private blocks (PS3.5 §7.8.1). */
    private static final int FIRST_PRIVATE_CREATOR_ELEMENT = 0x0010;
    private static final int LAST_PRIVATE_CREATOR_ELEMENT = 0x00FF;

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Whether the tag lies in an odd group other than 0001, 0003, 0005 and 0007, which PS3.5 §7.8 forbids. */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 0x0008;
    }

    /** Whether the tag is a Private Creator element (gggg,0010-00FF) of a private group. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= FIRST_PRIVATE_CREATOR_ELEMENT && element <= LAST_PRIVATE_CREATOR_ELEMENT;
    }

    /** Whether the tag is a private data element inside a reserved block: (gggg,xxee) with xx in 10-FF. */
    public static boolean isPrivateData(int tag) {
        return isPrivate(tag) && element(tag) > 0x00FF;
    }

    /** The Private Creator element that reserves the block holding private data element {@code tag}. */
    public static int creatorOf(int tag) {
        return (tag & 0xFFFF0000) | (element(tag) >>> 8);
    }

    /** Whether the tag is a group length element (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** {@code (0010,0010)} form, upper-case hexadecimal. */
    public static String toString(int tag) {
        char[] s = new char[11];
        s[0] = '(';
        hex(s, 1, group(tag));
        s[5] = ',';
        hex(s, 6, element(tag));
        s[10] = ')';
        return new String(s);
    }

    /** {@code 00100010} form, as DICOM JSON keys and many tools write tags. */
    public static String toHex(int tag) {
        char[] s = new char[8];
        hex(s, 0, group(tag));
        hex(s, 4, element(tag));
        return new String(s);
    }

    /** Parses {@code 00100010}, {@code (0010,0010)} or {@code 0010,0010}; throws on anything else. */
    public static int parse(String text) {
        String hex = text.replace("(", "").replace(")", "").replace(",", "").trim();
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not a tag: '" + text + "' (expected 8 hexadecimal digits)");
        }
        try {
            return (int) Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tag: '" + text + "' (expected 8 hexadecimal digits)", e);
        }
    }

    private static void hex(char[] out, int at, int value16) {
        for (int i = 3; i >= 0; i--) {
            out[at + i] = Character.toUpperCase(Character.forDigit(value16 & 0xF, 16));
            value16 >>>= 4;
        }
    }
}
