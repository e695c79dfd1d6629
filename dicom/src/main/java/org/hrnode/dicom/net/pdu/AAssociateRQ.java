package org.hrnode.dicom.net.pdu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 §9.3.2): the requestor's proposal. AE titles are held without their space padding.
 *
 * @param protocolVersion bit field; bit 0 (version 1) is the only one defined
 * @param unknownItems variable items of unknown type, kept as received
 */
public record AAssociateRQ(int protocolVersion, String calledAETitle, String callingAETitle,
        String applicationContextName, List<PresentationContextRQ> presentationContexts,
        UserInformation userInformation, List<UnknownItem> unknownItems) implements PDU {

    /** Protocol-version bit 0: "version 1", the only version defined by PS3.8. */
    public static final int PROTOCOL_VERSION_1 = 0x0001;

    public AAssociateRQ {
        Objects.requireNonNull(calledAETitle, "calledAETitle");
        Objects.requireNonNull(callingAETitle, "callingAETitle");
        Objects.requireNonNull(applicationContextName, "applicationContextName");
        Objects.requireNonNull(userInformation, "userInformation");
        presentationContexts = List.copyOf(presentationContexts);
        unknownItems = List.copyOf(unknownItems);
    }

    public AAssociateRQ(String calledAETitle, String callingAETitle, String applicationContextName,
            List<PresentationContextRQ> presentationContexts, UserInformation userInformation) {
        this(PROTOCOL_VERSION_1, calledAETitle, callingAETitle, applicationContextName, presentationContexts,
                userInformation, List.of());
    }

    @Override
    public int type() {
        return PDUType.A_ASSOCIATE_RQ;
    }

    public Optional<PresentationContextRQ> presentationContext(int id) {
        return presentationContexts.stream().filter(pc -> pc.id() == id).findFirst();
    }
}
