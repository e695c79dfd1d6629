package org.hrnode.dicom.net.ul;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.RoleSelection;

/**
 * The default {@link PresentationContextPolicy}: accept the configured abstract syntaxes, with the first transfer
 * syntax of <em>our</em> preference list that the requestor proposed (so the acceptor, not the requestor's
 * ordering, decides which encoding arrives). Unknown abstract syntax → abstract-syntax-not-supported; no common
 * transfer syntax → transfer-syntaxes-not-supported.
 *
 * <p>Where the requestor asks for the SCP role of the SOP class (a C-GET SCU, which receives the instances on this
 * association), the receiver decides: its first proposed syntax that we support. Otherwise a retrieving peer that
 * proposes e.g. JPEG 2000 before Explicit VR Little Endian would be given the uncompressed syntax, in which stored
 * compressed instances can never be sent, since they are not decompressed.
 */
public final class SupportedPresentationContexts implements PresentationContextPolicy {

    private final Set<String> abstractSyntaxes;
    private final List<String> preferredTransferSyntaxes;

    /**
     * @param abstractSyntaxes SOP classes (and meta SOP classes) served
     * @param preferredTransferSyntaxes transfer syntaxes accepted, most preferred first
     */
    public SupportedPresentationContexts(Set<String> abstractSyntaxes, List<String> preferredTransferSyntaxes) {
        if (preferredTransferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("at least one transfer syntax must be supported");
        }
        this.abstractSyntaxes = Set.copyOf(abstractSyntaxes);
        this.preferredTransferSyntaxes = List.copyOf(new LinkedHashSet<>(preferredTransferSyntaxes));
    }

    public Set<String> abstractSyntaxes() {
        return abstractSyntaxes;
    }

    public List<String> preferredTransferSyntaxes() {
        return preferredTransferSyntaxes;
    }

    @Override
    public PresentationContextDecision decide(AAssociateRQ request, PresentationContextRQ proposed) {
        if (!abstractSyntaxes.contains(proposed.abstractSyntax())) {
            return PresentationContextDecision.reject(PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        Optional<String> chosen = requestorReceives(request, proposed.abstractSyntax())
                ? firstIn(proposed.transferSyntaxes(), preferredTransferSyntaxes)
                : firstIn(preferredTransferSyntaxes, proposed.transferSyntaxes());
        return chosen.map(PresentationContextDecision::accept).orElseGet(() ->
                PresentationContextDecision.reject(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED));
    }

    /** The first of {@code order} that {@code allowed} contains. */
    private static Optional<String> firstIn(List<String> order, List<String> allowed) {
        return order.stream().filter(allowed::contains).findFirst();
    }

    /** Whether the requestor proposed the SCP role for {@code sopClassUid}, i.e. will be sent its instances. */
    private static boolean requestorReceives(AAssociateRQ request, String sopClassUid) {
        return request.userInformation().roleSelectionFor(sopClassUid).map(RoleSelection::scpRole).orElse(false);
    }
}
