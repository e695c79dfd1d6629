package org.hrnode.dicom.net.ul;

import java.net.InetSocketAddress;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Configuration of an {@link AssociationAcceptor}, sealed once built. Build with {@link #builder(String)}; every
 * value is checked there, nothing is corrected silently.
 */
public final class AcceptorConfig {

    /** Associations served at once unless configured otherwise. */
    public static final int DEFAULT_MAX_ASSOCIATIONS = 64;
    /** The registered DICOM port. */
    public static final int DICOM_PORT = 104;
    private static final int AE_TITLE_MAX_LENGTH = 16;

    private final String aeTitle;
    private final InetSocketAddress bindAddress;
    private final int maxAssociations;
    private final AssociationSettings settings;
    private final AssociationAcceptancePolicy acceptancePolicy;
    private final PresentationContextPolicy presentationContextPolicy;
    private final RoleSelectionPolicy roleSelectionPolicy;
    private final UserIdentityAuthenticator userIdentityAuthenticator;
    private final SSLContext sslContext;
    private final boolean needClientAuth;

    private AcceptorConfig(Builder b) {
        this.aeTitle = b.aeTitle;
        this.bindAddress = b.bindAddress;
        this.maxAssociations = b.maxAssociations;
        this.settings = b.settings;
        this.acceptancePolicy = b.acceptancePolicy;
        this.presentationContextPolicy = b.presentationContextPolicy;
        this.roleSelectionPolicy = b.roleSelectionPolicy;
        this.userIdentityAuthenticator = b.userIdentityAuthenticator;
        this.sslContext = b.sslContext;
        this.needClientAuth = b.needClientAuth;
    }

    public static Builder builder(String aeTitle) {
        return new Builder(aeTitle);
    }

    /** This node's AE title: the calling AE title of the associations it opens for C-MOVE. */
    public String aeTitle() {
        return aeTitle;
    }

    public InetSocketAddress bindAddress() {
        return bindAddress;
    }

    public int maxAssociations() {
        return maxAssociations;
    }

    public AssociationSettings settings() {
        return settings;
    }

    public AssociationAcceptancePolicy acceptancePolicy() {
        return acceptancePolicy;
    }

    public PresentationContextPolicy presentationContextPolicy() {
        return presentationContextPolicy;
    }

    public RoleSelectionPolicy roleSelectionPolicy() {
        return roleSelectionPolicy;
    }

    public UserIdentityAuthenticator userIdentityAuthenticator() {
        return userIdentityAuthenticator;
    }

    /** The TLS context, or null for plain TCP. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean needClientAuth() {
        return needClientAuth;
    }

    /** Checks values as they are set; {@link #build()} checks the whole. */
    public static final class Builder {
        private final String aeTitle;
        private InetSocketAddress bindAddress = new InetSocketAddress(DICOM_PORT);
        private int maxAssociations = DEFAULT_MAX_ASSOCIATIONS;
        private AssociationSettings settings = AssociationSettings.defaults();
        private AssociationAcceptancePolicy acceptancePolicy = AssociationAcceptancePolicy.ACCEPT_ALL;
        private PresentationContextPolicy presentationContextPolicy;
        private RoleSelectionPolicy roleSelectionPolicy = RoleSelectionPolicy.ACCEPT_AS_PROPOSED;
        private UserIdentityAuthenticator userIdentityAuthenticator = UserIdentityAuthenticator.ACCEPT_ALL;
        private SSLContext sslContext;
        private boolean needClientAuth;

        private Builder(String aeTitle) {
            Objects.requireNonNull(aeTitle, "aeTitle");
            if (aeTitle.isBlank() || aeTitle.length() > AE_TITLE_MAX_LENGTH || aeTitle.contains("\\")) {
                throw new IllegalArgumentException("AE title must be 1-16 characters without backslash: '"
                        + aeTitle + "'");
            }
            this.aeTitle = aeTitle.strip();
        }

        /** Address and port to listen on; port 0 picks a free port ({@link AssociationAcceptor#port()}). */
        public Builder bind(InetSocketAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder maxAssociations(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxAssociations must be at least 1, got " + max);
            }
            this.maxAssociations = max;
            return this;
        }

        public Builder settings(AssociationSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        public Builder acceptancePolicy(AssociationAcceptancePolicy p) {
            this.acceptancePolicy = Objects.requireNonNull(p, "acceptancePolicy");
            return this;
        }

        public Builder presentationContextPolicy(PresentationContextPolicy p) {
            this.presentationContextPolicy = Objects.requireNonNull(p, "presentationContextPolicy");
            return this;
        }

        public Builder roleSelectionPolicy(RoleSelectionPolicy p) {
            this.roleSelectionPolicy = Objects.requireNonNull(p, "roleSelectionPolicy");
            return this;
        }

        public Builder userIdentityAuthenticator(UserIdentityAuthenticator a) {
            this.userIdentityAuthenticator = Objects.requireNonNull(a, "userIdentityAuthenticator");
            return this;
        }

        /** Serves DICOM over TLS (PS3.15 Annex B); {@code needClientAuth} demands client certificates. */
        public Builder tls(SSLContext context, boolean needClientAuth) {
            this.sslContext = Objects.requireNonNull(context, "context");
            this.needClientAuth = needClientAuth;
            return this;
        }

        public boolean hasPresentationContextPolicy() {
            return presentationContextPolicy != null;
        }

        public AcceptorConfig build() {
            if (presentationContextPolicy == null) {
                throw new IllegalStateException("a presentation context policy is required: which SOP classes "
                        + "and transfer syntaxes does this acceptor serve?");
            }
            return new AcceptorConfig(this);
        }
    }
}
