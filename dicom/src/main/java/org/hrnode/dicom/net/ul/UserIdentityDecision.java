package org.hrnode.dicom.net.ul;

import java.util.Optional;

/**
 * A {@link UserIdentityAuthenticator}'s verdict. An accepted identity may carry a server response (Kerberos
 * ticket, SAML response, JWT), sent back only when the requestor asked for a positive response.
 */
public sealed interface UserIdentityDecision {

    record Accepted(Optional<byte[]> serverResponse) implements UserIdentityDecision {
    }

    /** @param reason for the log only; never sent to the peer */
    record Rejected(String reason) implements UserIdentityDecision {
    }

    static UserIdentityDecision accept() {
        return new Accepted(Optional.empty());
    }

    static UserIdentityDecision accept(byte[] serverResponse) {
        return new Accepted(Optional.of(serverResponse.clone()));
    }

    static UserIdentityDecision reject(String reason) {
        return new Rejected(reason);
    }
}
