package org.hrnode.dicom.net.pdu;

/**
 * One of the seven protocol data units of PS3.8 §9.3. A sealed sum type, so that the state machine's dispatch on
 * the received PDU is checked for completeness by the compiler.
 */
public sealed interface PDU permits AAssociateRQ, AAssociateAC, AAssociateRJ, PDataTF, AReleaseRQ, AReleaseRP,
        AAbort {

    /** The PDU-type byte (PS3.8 Table 9-11 and following). */
    int type();
}
