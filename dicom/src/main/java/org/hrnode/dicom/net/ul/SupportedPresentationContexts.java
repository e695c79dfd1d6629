package org.hrnode.dicom.net.ul;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;

/**
 * The default {@link PresentationContextPolicy}: accept the configured abstract syntaxes, with the first transfer
 * syntax of <em>our</em> preference list that the requestor proposed (so the acceptor, not the requestor's
 * ordering, decides which encoding arrives). Unknown abstract syntax → abstract-syntax-not-supported; no common
 * transfer syntax → transfer-syntaxes-not-supported.
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
        for (String ts : preferredTransferSyntaxes) {
            if (proposed.transferSyntaxes().contains(ts)) {
                return PresentationContextDecision.accept(ts);
            }
        }
        return PresentationContextDecision.reject(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }
}
