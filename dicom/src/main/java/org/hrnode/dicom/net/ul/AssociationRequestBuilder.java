package org.hrnode.dicom.net.ul;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AsynchronousOperationsWindow;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.RoleSelection;
import org.hrnode.dicom.net.pdu.SOPClassExtendedNegotiation;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.pdu.UserInformation;

/**
 * Builds an A-ASSOCIATE-RQ: presentation contexts get consecutive odd IDs (PS3.8 §9.3.2.2), user information
 * comes from the {@link AssociationSettings}, so only what differs per association is spelt out.
 */
public final class AssociationRequestBuilder {

    /** Presentation context IDs are odd numbers 1–255. */
    public static final int MAX_PRESENTATION_CONTEXTS = 128;
    private static final int FIRST_ID = 1;
    private static final int ID_STEP = 2;

    private final String callingAETitle;
    private final String calledAETitle;
    private final List<PresentationContextRQ> contexts = new ArrayList<>();
    private final List<RoleSelection> roles = new ArrayList<>();
    private final List<SOPClassExtendedNegotiation> extended = new ArrayList<>();
    private UserIdentityRQ userIdentity;
    private AsynchronousOperationsWindow window;

    public AssociationRequestBuilder(String callingAETitle, String calledAETitle) {
        this.callingAETitle = Objects.requireNonNull(callingAETitle, "callingAETitle");
        this.calledAETitle = Objects.requireNonNull(calledAETitle, "calledAETitle");
    }

    /** Proposes {@code abstractSyntax} with {@code transferSyntaxes} (in order of preference). */
    public AssociationRequestBuilder addPresentationContext(String abstractSyntax, String... transferSyntaxes) {
        return addPresentationContext(abstractSyntax, List.of(transferSyntaxes));
    }

    public AssociationRequestBuilder addPresentationContext(String abstractSyntax, List<String> transferSyntaxes) {
        if (contexts.size() == MAX_PRESENTATION_CONTEXTS) {
            throw new IllegalStateException("at most " + MAX_PRESENTATION_CONTEXTS + " presentation contexts");
        }
        if (transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("a presentation context needs a transfer syntax");
        }
        contexts.add(new PresentationContextRQ(FIRST_ID + ID_STEP * contexts.size(), abstractSyntax,
                transferSyntaxes));
        return this;
    }

    /** Verification with both uncompressed little-endian syntaxes. */
    public AssociationRequestBuilder addVerification() {
        return addPresentationContext(UID.Verification, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
    }

    public AssociationRequestBuilder addRoleSelection(String sopClassUid, boolean scu, boolean scp) {
        roles.add(new RoleSelection(sopClassUid, scu, scp));
        return this;
    }

    public AssociationRequestBuilder addExtendedNegotiation(String sopClassUid, byte[] applicationInformation) {
        extended.add(new SOPClassExtendedNegotiation(sopClassUid, applicationInformation));
        return this;
    }

    public AssociationRequestBuilder userIdentity(UserIdentityRQ identity) {
        this.userIdentity = identity;
        return this;
    }

    public AssociationRequestBuilder asynchronousOperationsWindow(int invoked, int performed) {
        this.window = new AsynchronousOperationsWindow(invoked, performed);
        return this;
    }

    public int presentationContextCount() {
        return contexts.size();
    }

    public AAssociateRQ build(AssociationSettings settings) {
        if (contexts.isEmpty()) {
            throw new IllegalStateException("an association request needs at least one presentation context");
        }
        UserInformation ui = UserInformation.of(settings.pduLimits().maxPDataLength(),
                settings.implementationClassUid(), settings.implementationVersionName())
                .withRoleSelections(roles).withExtendedNegotiations(extended).withUserIdentityRQ(userIdentity)
                .withAsynchronousOperationsWindow(window);
        return new AAssociateRQ(calledAETitle, callingAETitle, UID.DICOMApplicationContext, contexts, ui);
    }
}
