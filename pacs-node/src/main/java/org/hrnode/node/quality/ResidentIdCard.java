package org.hrnode.node.quality;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The citizen identity number of GB 11643-1999 (居民身份证号码): 17 digits (region, birth date YYYYMMDD, sequence)
 * and a check character computed with ISO 7064 MOD 11-2, where 10 is written X. Hospitals often use it as Patient
 * ID, so a wrong check character is an accuracy defect worth reporting.
 */
public final class ResidentIdCard {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9Xx]");
    /** Weight of each of the first 17 digits: 2^(17-i) mod 11. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check character for each weighted sum mod 11. */
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int MODULUS = 11;
    private static final int BIRTH_DATE_START = 6;
    private static final int BIRTH_DATE_END = 14;

    private ResidentIdCard() {
    }

    /** Whether {@code value} has the shape of an 18-character identity number (so its checksum should hold). */
    public static boolean looksLikeOne(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The check character for the first 17 digits of {@code value}. */
    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % MODULUS];
    }

    /** Whether an identity-number-shaped {@code value} carries the right check character. */
    public static boolean checksumValid(String value) {
        return looksLikeOne(value) && Character.toUpperCase(value.charAt(WEIGHTS.length)) == checkCharacter(value);
    }

    /** The birth date the number encodes, empty when those digits are not a date. */
    public static Optional<LocalDate> birthDate(String value) {
        if (!looksLikeOne(value)) {
            return Optional.empty();
        }
        String digits = value.substring(BIRTH_DATE_START, BIRTH_DATE_END);
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
