package org.hrnode.dicom.net.ul;

import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AReleaseRP;
import org.hrnode.dicom.net.pdu.AReleaseRQ;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PDataTF;

/** The events of the DICOM Upper Layer state machine, PS3.8 Table 9-10, named as the standard names them. */
public enum Event {
    Evt1("A-ASSOCIATE Request (local user)", Origin.LOCAL_USER),
    Evt2("Transport Connect Confirm (local transport service)", Origin.TRANSPORT),
    Evt3("A-ASSOCIATE-AC PDU (received on transport connection)", Origin.PEER),
    Evt4("A-ASSOCIATE-RJ PDU (received on transport connection)", Origin.PEER),
    Evt5("Transport Connection Indication (local transport service)", Origin.TRANSPORT),
    Evt6("A-ASSOCIATE-RQ PDU (received on transport connection)", Origin.PEER),
    Evt7("A-ASSOCIATE response primitive (accept)", Origin.LOCAL_USER),
    Evt8("A-ASSOCIATE response primitive (reject)", Origin.LOCAL_USER),
    Evt9("P-DATA request primitive", Origin.LOCAL_USER),
    Evt10("P-DATA-TF PDU", Origin.PEER),
    Evt11("A-RELEASE Request primitive", Origin.LOCAL_USER),
    Evt12("A-RELEASE-RQ PDU (received on open transport connection)", Origin.PEER),
    Evt13("A-RELEASE-RP PDU (received on transport connection)", Origin.PEER),
    Evt14("A-RELEASE Response primitive", Origin.LOCAL_USER),
    Evt15("A-ABORT Request primitive", Origin.LOCAL_USER),
    Evt16("A-ABORT PDU (received on open transport connection)", Origin.PEER),
    Evt17("Transport connection closed indication (local transport service)", Origin.TRANSPORT),
    Evt18("ARTIM timer expired (Association reject/release timer)", Origin.TIMER),
    Evt19("Unrecognized or invalid PDU received", Origin.PEER);

    /** Who raises the event: decides what an event without a transition means (see {@link StateTable}). */
    public enum Origin { LOCAL_USER, PEER, TRANSPORT, TIMER }

    private final String description;
    private final Origin origin;

    Event(String description, Origin origin) {
        this.description = description;
        this.origin = origin;
    }

    /** The event that receiving {@code pdu} is. */
    public static Event received(PDU pdu) {
        return switch (pdu) {
            case AAssociateAC ac -> Evt3;
            case AAssociateRJ rj -> Evt4;
            case AAssociateRQ rq -> Evt6;
            case PDataTF data -> Evt10;
            case AReleaseRQ rq -> Evt12;
            case AReleaseRP rp -> Evt13;
            case AAbort abort -> Evt16;
        };
    }

    public String description() {
        return description;
    }

    public Origin origin() {
        return origin;
    }
}
