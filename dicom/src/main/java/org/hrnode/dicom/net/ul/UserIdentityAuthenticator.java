package org.hrnode.dicom.net.ul;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;

/**
 * Checks the User Identity an association requestor presented (PS3.7 D.3.3.7). A rejection becomes an
 * A-ASSOCIATE-RJ (rejected-permanent, service-user, no-reason-given): PS3.7 gives no finer reason, and telling a
 * stranger why its credentials failed helps only an attacker.
 *
 * <p>Called on the association's reader thread while the requestor waits; an authenticator that calls out (LDAP,
 * a token service) must bound its own time well below the requestor's accept timeout.
 */
@FunctionalInterface
public interface UserIdentityAuthenticator {

    /** Accepts every requestor, with or without an identity (the default: AE titles are the access control). */
    UserIdentityAuthenticator ACCEPT_ALL = (request, identity, peer) -> UserIdentityDecision.accept();

    /** Rejects requestors that present no identity, and passes the others to {@code delegate}. */
    static UserIdentityAuthenticator requireIdentity(UserIdentityAuthenticator delegate) {
        return (request, identity, peer) -> identity.isEmpty()
                ? UserIdentityDecision.reject("no user identity presented")
                : delegate.authenticate(request, identity, peer);
    }

    /**
     * @param identity the user identity sub-item, empty when the requestor sent none
     * @param peer the requestor's socket address
     */
    UserIdentityDecision authenticate(AAssociateRQ request, Optional<UserIdentityRQ> identity,
            InetSocketAddress peer);
}
