package org.hrnode.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * User Identity sub-item of a request (PS3.7 D.3.3.7.1). The primary field is the username, Kerberos ticket,
 * SAML assertion or JWT; the secondary field is the passcode, present only for
 * {@link UserIdentityType#USERNAME_AND_PASSCODE}. {@link #toString()} never shows either field: they are
 * credentials.
 *
 * @param type the raw User-Identity-Type (see {@link #knownType()})
 */
public record UserIdentityRQ(int type, boolean positiveResponseRequested, byte[] primaryField,
        byte[] secondaryField) {

    public UserIdentityRQ {
        primaryField = primaryField.clone();
        secondaryField = secondaryField.clone();
    }

    public static UserIdentityRQ username(String username, boolean positiveResponseRequested) {
        return new UserIdentityRQ(UserIdentityType.USERNAME.code(), positiveResponseRequested, utf8(username),
                new byte[0]);
    }

    public static UserIdentityRQ usernameAndPasscode(String username, String passcode,
            boolean positiveResponseRequested) {
        return new UserIdentityRQ(UserIdentityType.USERNAME_AND_PASSCODE.code(), positiveResponseRequested,
                utf8(username), utf8(passcode));
    }

    public static UserIdentityRQ of(UserIdentityType type, byte[] token, boolean positiveResponseRequested) {
        return new UserIdentityRQ(type.code(), positiveResponseRequested, token, new byte[0]);
    }

    public Optional<UserIdentityType> knownType() {
        return UserIdentityType.of(type);
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    /** The primary field as UTF-8 text (username types). */
    public String primaryFieldText() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    /** The secondary field as UTF-8 text (the passcode). */
    public String secondaryFieldText() {
        return new String(secondaryField, StandardCharsets.UTF_8);
    }

    byte[] primaryUnsafe() {
        return primaryField;
    }

    byte[] secondaryUnsafe() {
        return secondaryField;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentityRQ u && u.type == type
                && u.positiveResponseRequested == positiveResponseRequested
                && Arrays.equals(u.primaryField, primaryField) && Arrays.equals(u.secondaryField, secondaryField);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + Arrays.hashCode(primaryField)) + Arrays.hashCode(secondaryField);
    }

    @Override
    public String toString() {
        return "UserIdentityRQ[type=" + knownType().map(Enum::name).orElse(Integer.toString(type))
                + ", positiveResponseRequested=" + positiveResponseRequested + ", primaryField=<"
                + primaryField.length + " bytes>, secondaryField=<" + secondaryField.length + " bytes>]";
    }
}
