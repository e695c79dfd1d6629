package org.hrnode.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A presentation context proposed in an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2): an odd ID, the abstract syntax (SOP
 * class) and the transfer syntaxes the requestor can use for it, in its order of preference.
 */
public record PresentationContextRQ(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContextRQ {
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public static PresentationContextRQ of(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContextRQ(id, abstractSyntax, List.of(transferSyntaxes));
    }
}
