package org.hrnode.dicom.net.ul;

import org.hrnode.dicom.dict.UIDs;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.UserInformation;

/** Human-readable, multi-line summaries of association PDUs for DEBUG logs; credentials are never shown. */
final class PduDescriptions {

    private PduDescriptions() {
    }

    static String describe(PDU pdu) {
        return switch (pdu) {
            case AAssociateRQ rq -> {
                StringBuilder sb = new StringBuilder("A-ASSOCIATE-RQ called=").append(rq.calledAETitle())
                        .append(" calling=").append(rq.callingAETitle());
                userInformation(sb, rq.userInformation());
                for (PresentationContextRQ pc : rq.presentationContexts()) {
                    sb.append("\n  pc ").append(pc.id()).append(": ").append(uid(pc.abstractSyntax()));
                    for (String ts : pc.transferSyntaxes()) {
                        sb.append("\n    ts ").append(uid(ts));
                    }
                }
                yield sb.toString();
            }
            case AAssociateAC ac -> {
                StringBuilder sb = new StringBuilder("A-ASSOCIATE-AC");
                userInformation(sb, ac.userInformation());
                for (PresentationContextAC pc : ac.presentationContexts()) {
                    sb.append("\n  pc ").append(pc.id()).append(": ").append(pc.result().description());
                    if (pc.isAccepted()) {
                        sb.append(", ").append(uid(pc.transferSyntax()));
                    }
                }
                yield sb.toString();
            }
            default -> pdu.toString();
        };
    }

    private static void userInformation(StringBuilder sb, UserInformation ui) {
        sb.append(" maxLength=").append(ui.maximumLength()).append(" implementation=")
                .append(ui.implementationClassUid()).append(' ').append(ui.implementationVersionName());
        ui.asynchronousOperations().ifPresent(w -> sb.append(" async=").append(w.maxOperationsInvoked()).append('/')
                .append(w.maxOperationsPerformed()));
        ui.roleSelections().forEach(r -> sb.append("\n  role ").append(uid(r.sopClassUid())).append(" scu=")
                .append(r.scuRole()).append(" scp=").append(r.scpRole()));
        ui.userIdentityRequest().ifPresent(id -> sb.append("\n  ").append(id));
        ui.userIdentityResponse().ifPresent(id -> sb.append("\n  ").append(id));
    }

    private static String uid(String uid) {
        String name = UIDs.nameOf(uid);
        return name == null || name.equals(uid) ? uid : uid + " " + name;
    }
}
