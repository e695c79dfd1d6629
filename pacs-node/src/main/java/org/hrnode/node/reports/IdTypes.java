package org.hrnode.node.reports;

import java.util.Map;
import org.hrnode.node.quality.ResidentIdCard;

/** STD_ID_TYPE, the identity document dictionary of the Xinjiang interface spec (§3.3), and checks of the number. */
public final class IdTypes {

    public static final String RESIDENT_ID_CARD = "01";

    private static final Map<String, String> NAMES = Map.of("01", "居民身份证", "02", "居民户口簿", "03", "护照",
            "04", "军官证", "05", "驾驶证", "06", "港澳居民来往内地通行证", "07", "台湾居民来往内地通行证",
            "99", "其他法定有效证件");
    private static final int MAX_NUMBER = 128;

    private IdTypes() {
    }

    /**
     * Checks a patient identity: the type in the dictionary; a resident identity card number of 18 characters with
     * a valid check digit (GB 11643), so a mistyped number cannot silently miss the patient's exams.
     *
     * @param prefix how errors name the record holding the fields
     */
    public static void check(String prefix, String typeField, String type, String numberField, String number) {
        if (type == null) {
            throw new InvalidField(prefix + typeField, "is required");
        }
        if (!NAMES.containsKey(type)) {
            throw new InvalidField(prefix + typeField, "'" + type + "' is not an STD_ID_TYPE code (" +
                    String.join(", ", new java.util.TreeSet<>(NAMES.keySet())) + ")");
        }
        if (number == null) {
            throw new InvalidField(prefix + numberField, "is required");
        }
        if (number.length() > MAX_NUMBER) {
            throw new InvalidField(prefix + numberField, "longer than " + MAX_NUMBER + " characters");
        }
        // the message never repeats the number: it identifies the patient
        if (type.equals(RESIDENT_ID_CARD) && !ResidentIdCard.checksumValid(number)) {
            throw new InvalidField(prefix + numberField, "is not a resident identity card number (18 characters"
                    + " with a valid GB 11643 check digit)");
        }
    }
}
