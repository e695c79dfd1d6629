package org.hrnode.dicom.net.pdu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 §9.3.3): the acceptor's answer. PS3.8 requires the AE title fields to echo the request
 * but not to be tested; they are kept as received.
 */
public record AAssociateAC(int protocolVersion, String calledAETitle, String callingAETitle,
        String applicationContextName, List<PresentationContextAC> presentationContexts,
        UserInformation userInformation, List<UnknownItem> unknownItems) implements PDU {

    public AAssociateAC {
        Objects.requireNonNull(calledAETitle, "calledAETitle");
        Objects.requireNonNull(callingAETitle, "callingAETitle");
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        Objects.requireNonNull(userInformation, "userInformation");
        presentationContexts = List.copyOf(presentationContexts);
        unknownItems = List.copyOf(unknownItems);
    }

    @Override
    public int type() {
        return PDUType.A_ASSOCIATE_AC;
    }

    public Optional<PresentationContextAC> presentationContext(int id) {
        return presentationContexts.stream().filter(pc -> pc.id() == id).findFirst();
    }
}
