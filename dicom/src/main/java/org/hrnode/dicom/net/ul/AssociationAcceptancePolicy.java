package org.hrnode.dicom.net.ul;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;

/**
 * Decides from the called and calling AE titles (and the peer address) whether an association request is
 * entertained at all, before its presentation contexts are looked at. Returns the rejection to send, or empty to
 * go on. Combine with {@link #and}.
 */
@FunctionalInterface
public interface AssociationAcceptancePolicy {

    AssociationAcceptancePolicy ACCEPT_ALL = (request, peer) -> Optional.empty();

    Optional<AAssociateRJ> check(AAssociateRQ request, InetSocketAddress peer);

    /** The called AE title must be {@code aeTitle}, else rejected-permanent, called-AE-title-not-recognized. */
    static AssociationAcceptancePolicy calledAETitle(String aeTitle) {
        return (request, peer) -> request.calledAETitle().equals(aeTitle) ? Optional.empty()
                : Optional.of(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT,
                        RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED));
    }

    /** The calling AE title must be one of {@code known}, else rejected-permanent, calling-AE-title-not-recognized. */
    static AssociationAcceptancePolicy knownCallingAETitles(Set<String> known) {
        Set<String> copy = Set.copyOf(known);
        return (request, peer) -> copy.contains(request.callingAETitle()) ? Optional.empty()
                : Optional.of(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT,
                        RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED));
    }

    /** This check, then {@code next} if this one accepted. */
    default AssociationAcceptancePolicy and(AssociationAcceptancePolicy next) {
        return (request, peer) -> {
            Optional<AAssociateRJ> first = check(request, peer);
            return first.isPresent() ? first : next.check(request, peer);
        };
    }
}
