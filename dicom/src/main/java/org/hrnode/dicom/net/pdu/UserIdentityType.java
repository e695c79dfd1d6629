package org.hrnode.dicom.net.pdu;

import java.util.Optional;

/** User-Identity-Type of the User Identity sub-item (PS3.7 Table D.3-14). */
public enum UserIdentityType {
    USERNAME(1),
    USERNAME_AND_PASSCODE(2),
    KERBEROS_SERVICE_TICKET(3),
    SAML_ASSERTION(4),
    JSON_WEB_TOKEN(5);

    private final int code;

    UserIdentityType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<UserIdentityType> of(int code) {
        for (UserIdentityType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
