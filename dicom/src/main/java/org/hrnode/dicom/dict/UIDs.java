package org.hrnode.dicom.dict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The UIDs of PS3.6 Annex A with their names and types, generated into {@code uids.tsv}. Loaded once, on first
 * use. The constants themselves are in {@link UID}.
 */
public final class UIDs {

    /**
     * One registered UID.
     *
     * @param uid     the UID
     * @param keyword its keyword ("CTImageStorage"), null for the few retired UIDs without one
     * @param name    its name ("CT Image Storage"), null where PS3.6 gives none
     * @param type    its type as PS3.6 writes it: "SOP Class", "Transfer Syntax", "Well-known SOP Instance", ...
     * @param retired whether PS3.6 lists it as retired
     */
    public record Info(String uid, String keyword, String name, String type, boolean retired) {
    }

    /** The value of {@link Info#type()} for transfer syntaxes. */
    public static final String TRANSFER_SYNTAX = "Transfer Syntax";

    private static final String RESOURCE = "uids.tsv";
    private static final int COLUMNS = 5;
    private static final int UID_COLUMN = 0;
    private static final int KEYWORD_COLUMN = 1;
    private static final int NAME_COLUMN = 2;
    private static final int TYPE_COLUMN = 3;
    private static final int RETIRED_COLUMN = 4;

    /** Lazy holder: the table loads on the first lookup. */
    private static final class Holder {
        static final List<Info> ALL = load();
        static final Map<String, Info> BY_UID = index(ALL);
    }

    private UIDs() {
    }

    /** The registered UID {@code uid}, or null. Trailing NUL or space padding of a UI value is ignored. */
    public static Info lookup(String uid) {
        return uid == null ? null : Holder.BY_UID.get(withoutPadding(uid));
    }

    /** The name of {@code uid} ("CT Image Storage"), or {@code uid} itself if it is unknown or nameless. */
    public static String nameOf(String uid) {
        Info info = lookup(uid);
        return info == null || info.name() == null ? uid : info.name();
    }

    /** The UIDs of one type ({@link #TRANSFER_SYNTAX}, "SOP Class", ...), in UID order. */
    public static List<Info> ofType(String type) {
        Objects.requireNonNull(type, "type");
        return Holder.ALL.stream().filter(info -> info.type().equals(type)).toList();
    }

    /** Every registered UID, in UID order (numerically by component). */
    public static List<Info> all() {
        return Holder.ALL;
    }

    /** {@code uid} without the trailing NUL (UI padding to even length) or spaces (some writers) it may carry. */
    public static String withoutPadding(String uid) {
        int end = uid.length();
        while (end > 0 && (uid.charAt(end - 1) == '\0' || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        return uid.substring(0, end);
    }

    private static List<Info> load() {
        return DictionaryTable.read(RESOURCE, COLUMNS).stream()
                .map(row -> new Info(row[UID_COLUMN], DictionaryTable.orNull(row[KEYWORD_COLUMN]),
                        DictionaryTable.orNull(row[NAME_COLUMN]), row[TYPE_COLUMN],
                        DictionaryTable.flag(row[RETIRED_COLUMN])))
                .toList();
    }

    private static Map<String, Info> index(List<Info> all) {
        Map<String, Info> byUid = new HashMap<>();
        for (Info info : all) {
            if (byUid.put(info.uid(), info) != null) {
                throw new IllegalStateException(RESOURCE + ": " + info.uid() + " appears twice");
            }
        }
        return Map.copyOf(byUid);
    }
}
