package org.hrnode.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** Decodes the fixed fields and variable items of A-ASSOCIATE-RQ and -AC bodies (PS3.8 §9.3.2, §9.3.3). */
final class AssociateItems {

    static final int AE_TITLE_LENGTH = 16;
    static final int PROTOCOL_VERSION_OFFSET = 0;
    static final int CALLED_AE_OFFSET = 4;
    static final int CALLING_AE_OFFSET = 20;
    static final int RESERVED_LENGTH = 32;
    /** Protocol version (2), reserved (2), called AE (16), calling AE (16), reserved (32). */
    static final int FIXED_FIELDS_LENGTH = 68;
    /** Presentation-context-ID (1) and three reserved/result bytes before the sub-items. */
    static final int PRESENTATION_CONTEXT_FIXED_LENGTH = 4;
    static final int PRESENTATION_CONTEXT_RESULT_OFFSET = 2;

    private AssociateItems() {
    }

    /** What both PDUs share, before the presentation contexts are told apart. */
    private record Common(int protocolVersion, String called, String calling, String applicationContext,
            List<Item> presentationContexts, UserInformation userInformation, List<UnknownItem> unknown) {
    }

    static AAssociateRQ decodeRQ(byte[] b, int off, int len) throws PduDecodeException {
        Common c = decodeCommon(b, off, len, ItemType.PRESENTATION_CONTEXT_RQ);
        List<PresentationContextRQ> pcs = new ArrayList<>(c.presentationContexts.size());
        for (Item item : c.presentationContexts) {
            pcs.add(decodePresentationContextRQ(item));
        }
        return new AAssociateRQ(c.protocolVersion, c.called, c.calling, c.applicationContext, pcs,
                c.userInformation, c.unknown);
    }

    static AAssociateAC decodeAC(byte[] b, int off, int len) throws PduDecodeException {
        Common c = decodeCommon(b, off, len, ItemType.PRESENTATION_CONTEXT_AC);
        List<PresentationContextAC> pcs = new ArrayList<>(c.presentationContexts.size());
        for (Item item : c.presentationContexts) {
            pcs.add(decodePresentationContextAC(item));
        }
        return new AAssociateAC(c.protocolVersion, c.called, c.calling, c.applicationContext, pcs,
                c.userInformation, c.unknown);
    }

    private static Common decodeCommon(byte[] b, int off, int len, int contextItemType) throws PduDecodeException {
        if (len < FIXED_FIELDS_LENGTH) {
            throw invalid("A-ASSOCIATE PDU of " + len + " bytes is shorter than its fixed fields");
        }
        int version = Bytes.u16(b, off + PROTOCOL_VERSION_OFFSET);
        String called = Bytes.aeTitle(b, off + CALLED_AE_OFFSET, AE_TITLE_LENGTH);
        String calling = Bytes.aeTitle(b, off + CALLING_AE_OFFSET, AE_TITLE_LENGTH);
        String applicationContext = null;
        List<Item> contexts = new ArrayList<>();
        UserInformation userInformation = null;
        List<UnknownItem> unknown = new ArrayList<>();
        for (Item item : Item.split(b, off + FIXED_FIELDS_LENGTH, off + len)) {
            if (item.type == ItemType.APPLICATION_CONTEXT) {
                if (applicationContext != null) {
                    throw new PduDecodeException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "more than one application context item");
                }
                applicationContext = item.text();
            } else if (item.type == contextItemType) {
                contexts.add(item);
            } else if (item.type == ItemType.USER_INFORMATION) {
                if (userInformation != null) {
                    throw new PduDecodeException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "more than one user information item");
                }
                userInformation = UserInformationItems.decode(item);
            } else {
                unknown.add(item.unknown());
            }
        }
        if (applicationContext == null) {
            throw invalid("A-ASSOCIATE PDU without an application context item");
        }
        if (userInformation == null) {
            userInformation = UserInformation.of(0, "", null);
        }
        return new Common(version, called, calling, applicationContext, contexts, userInformation, unknown);
    }

    private static PresentationContextRQ decodePresentationContextRQ(Item item) throws PduDecodeException {
        if (item.length < PRESENTATION_CONTEXT_FIXED_LENGTH) {
            throw invalid("presentation context item of " + item.length + " bytes");
        }
        int id = Bytes.u8(item.bytes, item.offset);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        for (Item sub : Item.split(item.bytes, item.offset + PRESENTATION_CONTEXT_FIXED_LENGTH, item.end())) {
            if (sub.type == ItemType.ABSTRACT_SYNTAX) {
                if (abstractSyntax != null) {
                    throw new PduDecodeException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "presentation context " + id + " has more than one abstract syntax");
                }
                abstractSyntax = sub.text();
            } else if (sub.type == ItemType.TRANSFER_SYNTAX) {
                transferSyntaxes.add(sub.text());
            }
        }
        if (abstractSyntax == null) {
            throw invalid("presentation context " + id + " without an abstract syntax");
        }
        return new PresentationContextRQ(id, abstractSyntax, transferSyntaxes);
    }

    private static PresentationContextAC decodePresentationContextAC(Item item) throws PduDecodeException {
        if (item.length < PRESENTATION_CONTEXT_FIXED_LENGTH) {
            throw invalid("presentation context item of " + item.length + " bytes");
        }
        int id = Bytes.u8(item.bytes, item.offset);
        int resultCode = Bytes.u8(item.bytes, item.offset + PRESENTATION_CONTEXT_RESULT_OFFSET);
        PresentationContextResult result = PresentationContextResult.of(resultCode)
                .orElseThrow(() -> invalid("presentation context " + id + " with result " + resultCode));
        String transferSyntax = "";
        for (Item sub : Item.split(item.bytes, item.offset + PRESENTATION_CONTEXT_FIXED_LENGTH, item.end())) {
            if (sub.type == ItemType.TRANSFER_SYNTAX) {
                transferSyntax = sub.text();
            }
        }
        return new PresentationContextAC(id, result, transferSyntax);
    }

    static PduDecodeException invalid(String message) {
        return new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, message);
    }

    /** One item: type, and its value as a window on the PDU bytes. */
    static final class Item {
        final int type;
        final byte[] bytes;
        final int offset;
        final int length;

        private Item(int type, byte[] bytes, int offset, int length) {
            this.type = type;
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        int end() {
            return offset + length;
        }

        String text() {
            return Bytes.text(bytes, offset, length);
        }

        UnknownItem unknown() {
            return new UnknownItem(type, java.util.Arrays.copyOfRange(bytes, offset, end()));
        }

        /** The items laid end to end in {@code [from, to)}; each length must fit exactly. */
        static List<Item> split(byte[] b, int from, int to) throws PduDecodeException {
            List<Item> items = new ArrayList<>();
            int pos = from;
            while (pos < to) {
                if (to - pos < ItemType.HEADER_LENGTH) {
                    throw invalid("truncated item header at the end of its parent");
                }
                int type = Bytes.u8(b, pos);
                int length = Bytes.u16(b, pos + ItemType.LENGTH_OFFSET);
                int value = pos + ItemType.HEADER_LENGTH;
                if (length > to - value) {
                    throw invalid(String.format("item 0x%02X of length %d does not fit its parent", type, length));
                }
                items.add(new Item(type, b, value, length));
                pos = value + length;
            }
            return items;
        }
    }
}
