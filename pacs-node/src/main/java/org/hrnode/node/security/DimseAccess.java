package org.hrnode.node.security;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.pdu.UserIdentityType;
import org.hrnode.dicom.net.service.AssociationInfo;
import org.hrnode.dicom.net.service.FindHandler;
import org.hrnode.dicom.net.service.MoveHandler;
import org.hrnode.dicom.net.service.RemoteAE;
import org.hrnode.dicom.net.service.RetrieveHandler;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.dicom.net.service.RetrieveRequest;
import org.hrnode.dicom.net.service.StoreHandler;
import org.hrnode.dicom.net.service.StoreRequest;
import org.hrnode.dicom.net.ul.UserIdentityAuthenticator;
import org.hrnode.dicom.net.ul.UserIdentityDecision;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.ApplicationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DICOM access control in production mode: the association's User Identity (PS3.7 D.3.3.7: username and passcode
 * of a local account, or a JWT) is authenticated when the association is negotiated, and each DIMSE request is
 * checked against the caller's roles — an uploader may only C-STORE, and only from an AE its own institution
 * registered; a viewer may query and retrieve. The AE registry still decides which calling AEs are heard at all.
 *
 * <p>The identity proven at negotiation is remembered per peer socket address (unique per TCP connection while it
 * lasts) because the DIMSE handlers see the association, not the negotiation. The map is bounded; an entry pushed
 * out by many later associations leaves its association refused, never let through.
 */
public final class DimseAccess {

    private static final Logger LOG = LoggerFactory.getLogger(DimseAccess.class);
    private static final int REMEMBERED = 8192;

    private final Authenticator authenticator;
    private final AeRegistry registry;
    private final Map<InetSocketAddress, NodePrincipal> byPeer = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, NodePrincipal> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public DimseAccess(Authenticator authenticator, AeRegistry registry) {
        this.authenticator = authenticator;
        this.registry = registry;
    }

    /** The negotiation check: no identity, or one that does not prove an account or token, is rejected. */
    public UserIdentityAuthenticator userIdentityAuthenticator() {
        return UserIdentityAuthenticator.requireIdentity((request, identity, peer) -> {
            byPeer.remove(peer);
            try {
                NodePrincipal principal = authenticate(identity.orElseThrow());
                byPeer.put(peer, principal);
                LOG.info("event=dicom_user_authenticated calling_ae={} user={} roles={}", request.callingAETitle(),
                        principal.name(), principal.roles());
                return UserIdentityDecision.accept();
            } catch (AuthenticationException e) {
                return UserIdentityDecision.reject(e.getMessage());
            }
        });
    }

    private NodePrincipal authenticate(UserIdentityRQ identity) throws AuthenticationException {
        UserIdentityType type = identity.knownType()
                .orElseThrow(() -> new AuthenticationException("unknown user identity type " + identity.type()));
        return switch (type) {
            case USERNAME_AND_PASSCODE -> authenticator.password(identity.primaryFieldText(),
                    identity.secondaryFieldText().toCharArray()).principal("password");
            case JSON_WEB_TOKEN -> authenticator.bearer(identity.primaryFieldText());
            case USERNAME -> throw new AuthenticationException("a user name alone proves nothing: send a passcode");
            case KERBEROS_SERVICE_TICKET, SAML_ASSERTION ->
                    throw new AuthenticationException(type + " identities are not supported; use a JWT");
        };
    }

    Optional<NodePrincipal> principalOf(AssociationInfo association) {
        return Optional.ofNullable(byPeer.get(association.remoteAddress()));
    }

    private NodePrincipal require(AssociationInfo association, Role role, String service)
            throws DicomServiceException {
        NodePrincipal p = principalOf(association).orElseThrow(() -> refused(association, "(none)", service));
        if (!p.has(role)) {
            throw refused(association, p.name(), service);
        }
        return p;
    }

    private static DicomServiceException refused(AssociationInfo association, String user, String service) {
        LOG.info("event=dicom_refused association={} user={} service={}", association.name(), user, service);
        return new DicomServiceException(Status.NOT_AUTHORIZED, user + " may not " + service);
    }

    /** C-STORE for uploaders, and only for the institution the calling AE is registered to. */
    public StoreHandler store(StoreHandler delegate) {
        return (request, dataSet) -> {
            NodePrincipal p = require(request.association(), Role.UPLOADER, "C-STORE");
            String institution = registry.find(request.callingAETitle()).map(ApplicationEntity::institutionCode)
                    .orElse(null);
            if (institution == null || !p.mayStoreFor(institution)) {
                LOG.info("event=dicom_refused association={} user={} reason=other_institution",
                        request.association().name(), p.name());
                throw new DicomServiceException(Status.NOT_AUTHORIZED, p.name() + " may not store for institution "
                        + institution);
            }
            return delegate.store(request, dataSet);
        };
    }

    /** C-FIND for viewers. */
    public FindHandler find(FindHandler delegate) {
        return request -> {
            require(request.association(), Role.VIEWER, "C-FIND");
            return delegate.find(request);
        };
    }

    /** C-GET for viewers. */
    public RetrieveHandler get(RetrieveHandler delegate) {
        return request -> {
            require(request.association(), Role.VIEWER, "C-GET");
            return delegate.instances(request);
        };
    }

    /** C-MOVE for viewers. */
    public MoveHandler move(MoveHandler delegate) {
        return new MoveHandler() {
            @Override
            public Optional<RemoteAE> destination(String aeTitle) {
                return delegate.destination(aeTitle);
            }

            @Override
            public List<RetrieveInstance> instances(RetrieveRequest request) throws DicomServiceException {
                require(request.association(), Role.VIEWER, "C-MOVE");
                return delegate.instances(request);
            }
        };
    }
}
