package org.hrnode.dicom.text;

import java.util.HexFormat;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.PrivateDictionary;
import org.hrnode.dicom.dict.UIDs;
import org.hrnode.dicom.io.DicomFile;

/**
 * A dcmdump-like listing, one element per line: tag, VR, keyword and value, text decoded with the dataset's
 * character set so Chinese names read as Chinese. Long values are cut, binary values summarised, sequences
 * indented. Meant for people; machine consumers use DICOM JSON.
 */
public final class DumpFormatter {

    private static final int KEYWORD_COLUMN = 52;
    private static final int MAX_VALUE_CHARS = 160;
    private static final int MAX_BINARY_VALUES = 16;
    private static final int MAX_HEX_BYTES = 16;
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    public static String format(DicomFile file) {
        DumpFormatter f = new DumpFormatter();
        f.out.append("# Transfer Syntax: ").append(file.transferSyntax().uid())
                .append(" [").append(UIDs.nameOf(file.transferSyntax().uid())).append("]\n");
        if (!file.fileMetaInformation().isEmpty()) {
            f.out.append("# File Meta Information\n");
            f.dataset(file.fileMetaInformation(), "");
        }
        f.out.append("# Dataset (character set: ").append(file.dataset().specificCharacterSet().describe())
                .append(")\n");
        f.dataset(file.dataset(), "");
        if (file.dataset().specificCharacterSet().fallbackUsed()) {
            f.out.append("# NOTE: text was not in its declared character set; decoded by the fallback policy: ")
                    .append(file.dataset().specificCharacterSet().describe()).append('\n');
        }
        return f.out.toString();
    }

    public static String format(Dataset dataset) {
        DumpFormatter f = new DumpFormatter();
        f.dataset(dataset, "");
        return f.out.toString();
    }

    private void dataset(Dataset ds, String indent) {
        for (int i = 0; i < ds.size(); i++) {
            element(ds, i, indent);
        }
    }

    private void element(Dataset ds, int i, String indent) {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        int start = out.length();
        out.append(indent).append(Tags.toString(tag)).append(' ').append(vr).append(' ').append(keyword(ds, tag));
        pad(start, indent.length() + KEYWORD_COLUMN);
        switch (ds.valueAt(i)) {
            case Sequence sq -> {
                out.append(sq.size()).append(sq.size() == 1 ? " item" : " items").append('\n');
                for (int k = 0; k < sq.size(); k++) {
                    out.append(indent).append(INDENT).append("> item ").append(k + 1).append('\n');
                    dataset(sq.get(k), indent + INDENT + INDENT);
                }
                return;
            }
            case Fragments f -> {
                long total = 0;
                for (int k = 1; k < f.size(); k++) {
                    total += f.lengthOf(k);
                }
                out.append("encapsulated: ").append(Math.max(0, f.size() - 1)).append(" fragments, ")
                        .append(total).append(" bytes (offset table ").append(f.size() == 0 ? 0 : f.lengthOf(0))
                        .append(" bytes)");
            }
            case BulkData bd -> out.append("<").append(bd.length()).append(" bytes left in source at offset ")
                    .append(bd.offset()).append('>');
            default -> out.append(value(ds, tag, vr));
        }
        out.append('\n');
    }

    private static String keyword(Dataset ds, int tag) {
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tags.isPrivateData(tag)) {
            String creator = ds.privateCreatorOf(tag);
            ElementDictionary.Entry e = creator == null ? null : PrivateDictionary.lookup(creator, tag);
            return e != null ? "[" + e.name() + "]" : "[" + (creator == null ? "no creator" : creator) + "]";
        }
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword == null ? "Unknown" : keyword;
    }

    private static String value(Dataset ds, int tag, VR vr) {
        try {
            if (vr.isCharacterString()) {
                String text = ds.getText(tag);
                String shown = text == null ? "" : text.stripTrailing().replaceAll("\u0000+$", "");
                if (vr == VR.UI && !shown.isEmpty()) {
                    String uid = ds.getString(tag);
                    String name = uid == null ? null : UIDs.nameOf(uid);
                    if (name != null && !name.equals(uid)) {
                        shown = shown + " [" + name + "]";
                    }
                }
                return cut(shown.isEmpty() ? "(no value)" : shown.replace("\r", "\\r").replace("\n", "\\n"));
            }
            if (vr.isBinaryNumeric() && vr.bytesPerValue() > 1 || vr == VR.AT) {
                return binaryValues(ds, tag, vr);
            }
            byte[] b = ds.getBytes(tag);
            if (b == null || b.length == 0) {
                return "(no value)";
            }
            String hex = HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(b.length, MAX_HEX_BYTES));
            return b.length > MAX_HEX_BYTES ? hex + " … (" + b.length + " bytes)" : hex;
        } catch (RuntimeException malformed) {
            return "(malformed value: " + malformed.getMessage() + ")";
        }
    }

    /** Formats only the values shown: a float array can hold millions, and formatting each costs. */
    private static String binaryValues(Dataset ds, int tag, VR vr) {
        byte[] b = ds.getBytes(tag);
        int count = b == null ? 0 : BinaryValues.count(vr, b.length);
        if (count == 0) {
            return "(no value)";
        }
        int shown = Math.min(count, MAX_BINARY_VALUES);
        String[] values = new String[shown];
        for (int k = 0; k < shown; k++) {
            values[k] = BinaryValues.format(vr, b, k, ds.isBigEndian());
        }
        String joined = String.join("\\", values);
        return cut(shown < count ? joined + "\\… (" + count + " values)" : joined);
    }

    private static String cut(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private void pad(int lineStart, int column) {
        int width = out.length() - lineStart;
        out.append(" ".repeat(Math.max(1, column - width)));
    }
}
