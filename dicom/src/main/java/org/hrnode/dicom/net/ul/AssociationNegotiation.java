package org.hrnode.dicom.net.ul;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AsynchronousOperationsWindow;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;
import org.hrnode.dicom.net.pdu.RoleSelection;
import org.hrnode.dicom.net.pdu.UserIdentityAC;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.pdu.UserInformation;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ, as a pure function of the request and the configured policies:
 * no IO, no state, so every rule is testable on its own. Checks, in order: application context, association
 * limit, AE titles, user identity, then each presentation context and role selection.
 */
public final class AssociationNegotiation {

    private AssociationNegotiation() {
    }

    /** Accepted (send the A-ASSOCIATE-AC) or rejected (send the A-ASSOCIATE-RJ; {@code why} is for the log). */
    public sealed interface Outcome {
    }

    public record Accepted(AAssociateAC acceptance) implements Outcome {
    }

    public record Rejected(AAssociateRJ rejection, String why) implements Outcome {
    }

    /**
     * @param overLimit whether accepting would exceed the acceptor's association limit
     */
    public static Outcome negotiate(AAssociateRQ rq, AcceptorConfig config, boolean overLimit,
            InetSocketAddress peer) {
        if (!UID.DICOMApplicationContext.equals(rq.applicationContextName())) {
            return new Rejected(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT,
                    RejectReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED),
                    "application context " + rq.applicationContextName());
        }
        if (overLimit) {
            return new Rejected(AAssociateRJ.of(RejectResult.REJECTED_TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED),
                    "association limit of " + config.maxAssociations() + " reached");
        }
        Optional<AAssociateRJ> byPolicy = config.acceptancePolicy().check(rq, peer);
        if (byPolicy.isPresent()) {
            return new Rejected(byPolicy.get(), "acceptance policy: " + byPolicy.get().describe());
        }
        Optional<UserIdentityRQ> identity = rq.userInformation().userIdentityRequest();
        UserIdentityDecision decision = config.userIdentityAuthenticator().authenticate(rq, identity, peer);
        if (decision instanceof UserIdentityDecision.Rejected r) {
            return new Rejected(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT, RejectReason.NO_REASON_GIVEN),
                    "user identity: " + r.reason());
        }
        List<PresentationContextAC> contexts = presentationContexts(rq, config.presentationContextPolicy());
        UserInformation ui = UserInformation.of(config.settings().pduLimits().maxPDataLength(),
                config.settings().implementationClassUid(), config.settings().implementationVersionName())
                .withRoleSelections(roleSelections(rq, contexts, config.roleSelectionPolicy()));
        Optional<AsynchronousOperationsWindow> asked = rq.userInformation().asynchronousOperations();
        if (asked.isPresent()) {
            int ours = config.settings().maxOperations();
            ui = ui.withAsynchronousOperationsWindow(new AsynchronousOperationsWindow(
                    limit(asked.get().maxOperationsInvoked(), ours),
                    limit(asked.get().maxOperationsPerformed(), ours)));
        }
        if (identity.isPresent() && identity.get().positiveResponseRequested()
                && decision instanceof UserIdentityDecision.Accepted a) {
            ui = ui.withUserIdentityAC(new UserIdentityAC(a.serverResponse().orElse(new byte[0])));
        }
        return new Accepted(new AAssociateAC(AAssociateRQ.PROTOCOL_VERSION_1, rq.calledAETitle(),
                rq.callingAETitle(), UID.DICOMApplicationContext, contexts, ui, List.of()));
    }

    /** Each proposed context decided by {@code policy}; invalid IDs and answers become provider rejections. */
    public static List<PresentationContextAC> presentationContexts(AAssociateRQ rq, PresentationContextPolicy policy) {
        List<PresentationContextAC> answers = new ArrayList<>(rq.presentationContexts().size());
        Set<Integer> seen = new HashSet<>();
        for (PresentationContextRQ pc : rq.presentationContexts()) {
            boolean validId = pc.id() % 2 == 1 && seen.add(pc.id());
            if (!validId) {
                answers.add(PresentationContextAC.rejected(pc.id(), PresentationContextResult.NO_REASON));
                continue;
            }
            PresentationContextDecision d = policy.decide(rq, pc);
            if (d.isAccepted() && !pc.transferSyntaxes().contains(d.transferSyntax())) {
                answers.add(PresentationContextAC.rejected(pc.id(), PresentationContextResult.NO_REASON));
            } else if (d.isAccepted()) {
                answers.add(PresentationContextAC.accepted(pc.id(), d.transferSyntax()));
            } else {
                answers.add(PresentationContextAC.rejected(pc.id(), d.result()));
            }
        }
        return answers;
    }

    /** Answers to the proposed role selections whose SOP class was accepted in some context. */
    static List<RoleSelection> roleSelections(AAssociateRQ rq, List<PresentationContextAC> answers,
            RoleSelectionPolicy policy) {
        Set<String> accepted = new HashSet<>();
        for (PresentationContextAC ac : answers) {
            if (ac.isAccepted()) {
                rq.presentationContext(ac.id()).ifPresent(pc -> accepted.add(pc.abstractSyntax()));
            }
        }
        List<RoleSelection> result = new ArrayList<>();
        for (RoleSelection proposed : rq.userInformation().roleSelections()) {
            if (accepted.contains(proposed.sopClassUid())) {
                RoleSelection answer = policy.answer(rq, proposed);
                result.add(new RoleSelection(proposed.sopClassUid(), proposed.scuRole() && answer.scuRole(),
                        proposed.scpRole() && answer.scpRole()));
            }
        }
        return result;
    }

    /** Window negotiation: 0 means unlimited on the requestor's side, so our limit applies. */
    private static int limit(int asked, int ours) {
        return asked == 0 ? ours : Math.min(asked, ours);
    }
}
