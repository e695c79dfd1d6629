package org.hrnode.dicom.net.ul;

import java.util.Objects;
import org.hrnode.dicom.net.pdu.PresentationContextResult;

/**
 * What a {@link PresentationContextPolicy} decided for one proposed presentation context: accept it with one of
 * the proposed transfer syntaxes, or reject it with a PS3.8 reason.
 *
 * @param transferSyntax the chosen transfer syntax when accepted; empty when rejected
 */
public record PresentationContextDecision(PresentationContextResult result, String transferSyntax) {

    public PresentationContextDecision {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
        if (result == PresentationContextResult.ACCEPTANCE && transferSyntax.isEmpty()) {
            throw new IllegalArgumentException("an acceptance names its transfer syntax");
        }
    }

    public static PresentationContextDecision accept(String transferSyntax) {
        return new PresentationContextDecision(PresentationContextResult.ACCEPTANCE, transferSyntax);
    }

    public static PresentationContextDecision reject(PresentationContextResult reason) {
        if (reason == PresentationContextResult.ACCEPTANCE) {
            throw new IllegalArgumentException("a rejection needs a rejection reason");
        }
        return new PresentationContextDecision(reason, "");
    }

    public boolean isAccepted() {
        return result == PresentationContextResult.ACCEPTANCE;
    }
}
