package org.hrnode.dicom.oracle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.oracle.Normalised.Element;
import org.hrnode.dicom.oracle.Normalised.ScalarKind;
import org.hrnode.dicom.oracle.Normalised.Value;

/**
 * Compares our elements with pydicom's, element by element and item by item, and lists every mismatch with its path
 * ("(0008,1140)[0]/(0008,1150)"). Nothing is excused here; {@link AcceptedDifference} judges the mismatches.
 */
public final class OracleComparison {

    private static final char PN_GROUP_DELIMITER = '=';

    /**
     * One place where the readers disagree. {@code ours} or {@code theirs} is null when only the other reader has the
     * element. {@code location} finds it in our dataset: sequence tag and item index pairs, then the element's tag.
     */
    public record Mismatch(String path, List<Integer> location, Element ours, Element theirs, String what) {

        @Override
        public String toString() {
            return path + ": " + what;
        }
    }

    private final List<Mismatch> mismatches = new ArrayList<>();

    private OracleComparison() {
    }

    /** Every mismatch between two element lists in tag order, each path starting with {@code prefix}. */
    public static List<Mismatch> compare(List<Element> ours, List<Element> theirs, String prefix) {
        OracleComparison comparison = new OracleComparison();
        comparison.elements(ours, theirs, prefix, List.of());
        return comparison.mismatches;
    }

    private void elements(List<Element> ours, List<Element> theirs, String prefix, List<Integer> itemLocation) {
        int i = 0;
        int j = 0;
        while (i < ours.size() || j < theirs.size()) {
            Element a = i < ours.size() ? ours.get(i) : null;
            Element b = j < theirs.size() ? theirs.get(j) : null;
            int order = a == null ? 1 : b == null ? -1 : Integer.compareUnsigned(a.tag(), b.tag());
            if (order < 0) {
                mismatches.add(new Mismatch(prefix + Tags.toString(a.tag()), append(itemLocation, a.tag()), a, null,
                        "only we read " + a));
                i++;
            } else if (order > 0) {
                mismatches.add(new Mismatch(prefix + Tags.toString(b.tag()), append(itemLocation, b.tag()), null, b,
                        "only pydicom read " + b));
                j++;
            } else {
                element(a, b, prefix + Tags.toString(a.tag()), append(itemLocation, a.tag()));
                i++;
                j++;
            }
        }
    }

    private void element(Element ours, Element theirs, String path, List<Integer> location) {
        if (!Objects.equals(ours.vr(), theirs.vr())) {
            mismatches.add(new Mismatch(path, location, ours, theirs, "VR " + ours.vr() + " vs pydicom's "
                    + theirs.vr() + " (values " + ours.value() + " vs " + theirs.value() + ")"));
            return;
        }
        if (ours.value() instanceof Value.Items a && theirs.value() instanceof Value.Items b
                && a.items().size() == b.items().size()) {
            for (int k = 0; k < a.items().size(); k++) {
                elements(a.items().get(k), b.items().get(k), path + "[" + k + "]/", append(location, k));
            }
            return;
        }
        if (!valuesEqual(ours.vr(), ours.value(), theirs.value())) {
            mismatches.add(new Mismatch(path, location, ours, theirs, ours.vr() + " value " + ours.value()
                    + " vs pydicom's " + theirs.value()));
        }
    }

    private static List<Integer> append(List<Integer> location, int step) {
        List<Integer> longer = new ArrayList<>(location);
        longer.add(step);
        return List.copyOf(longer);
    }

    static boolean valuesEqual(String vr, Value ours, Value theirs) {
        if (ours instanceof Value.Scalars a && theirs instanceof Value.Scalars b) {
            return a.kind() == b.kind() && scalarsEqual(vr, a.kind(), a.values(), b.values());
        }
        if (ours instanceof Value.Unreadable || theirs instanceof Value.Unreadable) {
            return false;
        }
        return ours.equals(theirs);
    }

    private static boolean scalarsEqual(String vr, ScalarKind kind, List<String> ours, List<String> theirs) {
        List<String> a = significant(vr, kind, ours);
        List<String> b = significant(vr, kind, theirs);
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (!scalarEqual(kind, a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Values without the padding PS3.5 §6.2 calls insignificant. pydicom strips only the padding at the end of the
     * whole value and keeps leading spaces and the trailing spaces of inner values; PS3.5 makes leading and trailing
     * spaces insignificant in every multi-valued string VR except PN (trailing only), and trailing ones in LT, ST, UT
     * and UR. One empty value is no value, as pydicom reports an empty element. Person names also lose empty trailing
     * component groups.
     */
    static List<String> significant(String vr, ScalarKind kind, List<String> values) {
        if (kind != ScalarKind.TEXT && kind != ScalarKind.DECIMAL && kind != ScalarKind.INTEGER) {
            return values;
        }
        boolean leadingSignificant = switch (vr) {
            case "PN", "LT", "ST", "UT", "UR" -> true;
            default -> false;
        };
        List<String> out = values.stream().map(v -> strip(v, leadingSignificant))
                .map(v -> vr.equals("PN") ? withoutEmptyTrailingGroups(v) : v).toList();
        return out.size() == 1 && out.get(0).isEmpty() ? List.of() : out;
    }

    /**
     * A person name without empty trailing component groups ("Wang^XiaoDong=王^小东=" is "Wang^XiaoDong=王^小东"):
     * PS3.5 §6.2.1 lets them be omitted, and pydicom drops them when it decodes.
     */
    private static String withoutEmptyTrailingGroups(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == PN_GROUP_DELIMITER) {
            end--;
        }
        return name.substring(0, end);
    }

    private static String strip(String v, boolean leadingSignificant) {
        int start = 0;
        int end = v.length();
        while (end > start && isPadding(v.charAt(end - 1))) {
            end--;
        }
        while (!leadingSignificant && start < end && isPadding(v.charAt(start))) {
            start++;
        }
        return v.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\0';
    }

    private static boolean scalarEqual(ScalarKind kind, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return switch (kind) {
            case DECIMAL -> decimal(a) != null && decimal(b) != null
                    && decimal(a).compareTo(decimal(b)) == 0;
            case FLOAT -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)) == 0;
            default -> false;
        };
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
