package org.hrnode.dicom.net.pdu;

/**
 * Encodes PDUs to their PS3.8 byte form. Lengths are computed, never taken from the caller; reserved fields are
 * zero. Sub-items of user information are written in the order PS3.7 Annex D lists them.
 */
public final class PduEncoder {

    private static final int RESERVED_BYTES_BEFORE_RESULT = 1;
    private static final int RESERVED_BYTE = 1;
    /** A-ASSOCIATE-RQ/AC: reserved (2) after the protocol version; A-ABORT: reserved (2) before source and reason. */
    private static final int RESERVED_PAIR = 2;

    private PduEncoder() {
    }

    public static byte[] encode(PDU pdu) {
        ByteBuilder out = new ByteBuilder();
        out.write(pdu.type());
        out.write(0);
        out.writeU32(0);
        switch (pdu) {
            case AAssociateRQ rq -> {
                writeFixedFields(out, rq.protocolVersion(), rq.calledAETitle(), rq.callingAETitle());
                textItem(out, ItemType.APPLICATION_CONTEXT, rq.applicationContextName());
                for (PresentationContextRQ pc : rq.presentationContexts()) {
                    int item = beginItem(out, ItemType.PRESENTATION_CONTEXT_RQ);
                    out.write(pc.id());
                    out.zeros(AssociateItems.PRESENTATION_CONTEXT_FIXED_LENGTH - 1);
                    textItem(out, ItemType.ABSTRACT_SYNTAX, pc.abstractSyntax());
                    for (String ts : pc.transferSyntaxes()) {
                        textItem(out, ItemType.TRANSFER_SYNTAX, ts);
                    }
                    endItem(out, item);
                }
                UserInformationItems.encode(rq.userInformation(), out);
                writeUnknown(out, rq.unknownItems());
            }
            case AAssociateAC ac -> {
                writeFixedFields(out, ac.protocolVersion(), ac.calledAETitle(), ac.callingAETitle());
                textItem(out, ItemType.APPLICATION_CONTEXT, ac.applicationContextName());
                for (PresentationContextAC pc : ac.presentationContexts()) {
                    int item = beginItem(out, ItemType.PRESENTATION_CONTEXT_AC);
                    out.write(pc.id());
                    out.zeros(RESERVED_BYTES_BEFORE_RESULT);
                    out.write(pc.result().code());
                    out.zeros(RESERVED_BYTE);
                    textItem(out, ItemType.TRANSFER_SYNTAX, pc.transferSyntax());
                    endItem(out, item);
                }
                UserInformationItems.encode(ac.userInformation(), out);
                writeUnknown(out, ac.unknownItems());
            }
            case AAssociateRJ rj -> {
                out.zeros(RESERVED_BYTE);
                out.write(rj.result());
                out.write(rj.source());
                out.write(rj.reason());
            }
            case PDataTF data -> {
                for (PresentationDataValue pdv : data.presentationDataValues()) {
                    out.writeU32(pdv.length() + PresentationDataValue.CONTEXT_ID_AND_HEADER_LENGTH);
                    out.write(pdv.presentationContextId());
                    out.write(pdv.messageControlHeader());
                    out.write(pdv.data());
                }
            }
            case AReleaseRQ rq -> out.zeros(PduDecoder.FIXED_BODY_LENGTH);
            case AReleaseRP rp -> out.zeros(PduDecoder.FIXED_BODY_LENGTH);
            case AAbort abort -> {
                out.zeros(RESERVED_PAIR);
                out.write(abort.source());
                out.write(abort.reason());
            }
        }
        out.putU32At(PDUType.LENGTH_OFFSET, out.size() - PDUType.HEADER_LENGTH);
        return out.toByteArray();
    }

    private static void writeFixedFields(ByteBuilder out, int protocolVersion, String called, String calling) {
        out.writeU16(protocolVersion);
        out.zeros(RESERVED_PAIR);
        out.writePadded(called, AssociateItems.AE_TITLE_LENGTH);
        out.writePadded(calling, AssociateItems.AE_TITLE_LENGTH);
        out.zeros(AssociateItems.RESERVED_LENGTH);
    }

    private static void writeUnknown(ByteBuilder out, Iterable<UnknownItem> items) {
        for (UnknownItem unknown : items) {
            int item = beginItem(out, unknown.type());
            unknown.writeValueTo(out);
            endItem(out, item);
        }
    }

    /** Writes an item header with a zero length; returns where to patch it. */
    static int beginItem(ByteBuilder out, int type) {
        int at = out.size();
        out.write(type);
        out.write(0);
        out.writeU16(0);
        return at;
    }

    static void endItem(ByteBuilder out, int itemStart) {
        int length = out.size() - itemStart - ItemType.HEADER_LENGTH;
        if (length > ItemType.MAX_U16) {
            throw new IllegalArgumentException("item longer than its 16-bit length field allows: " + length);
        }
        out.putU16At(itemStart + ItemType.LENGTH_OFFSET, length);
    }

    static void textItem(ByteBuilder out, int type, String text) {
        int item = beginItem(out, type);
        out.writeText(text);
        endItem(out, item);
    }
}
