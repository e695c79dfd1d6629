package org.hrnode.dicom.net.ul;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.RoleSelection;

/**
 * An accepted presentation context as both sides understand it after negotiation: ID, abstract syntax, the one
 * transfer syntax, and the roles the requestor may play (PS3.7 D.3.3.4: by default it is SCU only; an accepted
 * role selection says otherwise).
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax, boolean requestorIsScu,
        boolean requestorIsScp) {

    public PresentationContext {
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    /** Whether the side that {@code isRequestor} may send requests (be SCU) on this context. */
    public boolean mayInvoke(boolean isRequestor) {
        return isRequestor ? requestorIsScu : requestorIsScp;
    }

    /** Whether the side that {@code isRequestor} may perform requests (be SCP) on this context. */
    public boolean mayPerform(boolean isRequestor) {
        return isRequestor ? requestorIsScp : requestorIsScu;
    }

    /** The accepted contexts of a negotiation, with roles resolved from the role selection items. */
    public static List<PresentationContext> accepted(AAssociateRQ rq, AAssociateAC ac) {
        List<PresentationContext> result = new ArrayList<>();
        for (PresentationContextAC answer : ac.presentationContexts()) {
            Optional<PresentationContextRQ> proposed = rq.presentationContext(answer.id());
            if (!answer.isAccepted() || proposed.isEmpty()) {
                continue;
            }
            String as = proposed.get().abstractSyntax();
            boolean scu = true;
            boolean scp = false;
            Optional<RoleSelection> asked = rq.userInformation().roleSelectionFor(as);
            Optional<RoleSelection> granted = ac.userInformation().roleSelectionFor(as);
            if (asked.isPresent() && granted.isPresent()) {
                scu = asked.get().scuRole() && granted.get().scuRole();
                scp = asked.get().scpRole() && granted.get().scpRole();
            }
            result.add(new PresentationContext(answer.id(), as, answer.transferSyntax(), scu, scp));
        }
        return List.copyOf(result);
    }
}
