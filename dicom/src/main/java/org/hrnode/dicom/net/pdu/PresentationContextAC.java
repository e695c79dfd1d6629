package org.hrnode.dicom.net.pdu;

import java.util.Objects;

/**
 * The acceptor's answer to one proposed presentation context (PS3.8 §9.3.3.2). For a rejected context the
 * transfer syntax is not significant (PS3.8 says its sub-item is present but not tested); it is kept as received,
 * possibly empty.
 */
public record PresentationContextAC(int id, PresentationContextResult result, String transferSyntax) {

    public PresentationContextAC {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    public static PresentationContextAC accepted(int id, String transferSyntax) {
        return new PresentationContextAC(id, PresentationContextResult.ACCEPTANCE, transferSyntax);
    }

    public static PresentationContextAC rejected(int id, PresentationContextResult reason) {
        if (reason == PresentationContextResult.ACCEPTANCE) {
            throw new IllegalArgumentException("a rejection needs a rejection reason");
        }
        return new PresentationContextAC(id, reason, "");
    }

    public boolean isAccepted() {
        return result == PresentationContextResult.ACCEPTANCE;
    }
}
