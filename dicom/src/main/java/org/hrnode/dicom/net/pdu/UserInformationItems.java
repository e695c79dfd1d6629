package org.hrnode.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes and encodes the sub-items of the user information item (PS3.7 Annex D.3.3). */
final class UserInformationItems {

    private static final int U32_LENGTH = 4;
    private static final int U16_LENGTH = 2;
    /** Asynchronous Operations Window: two 16-bit counts. */
    private static final int ASYNC_WINDOW_LENGTH = 4;
    /** Role selection: UID-length (2), UID, SCU-role (1), SCP-role (1). */
    private static final int ROLE_FLAGS_LENGTH = 2;
    /** User identity RQ: type (1), positive-response-requested (1) before the primary field length. */
    private static final int IDENTITY_FLAGS_LENGTH = 2;

    private UserInformationItems() {
    }

    static UserInformation decode(AssociateItems.Item userInformation) throws PduDecodeException {
        long maximumLength = 0;
        String classUid = "";
        String versionName = null;
        AsynchronousOperationsWindow window = null;
        List<RoleSelection> roles = new ArrayList<>();
        List<SOPClassExtendedNegotiation> extended = new ArrayList<>();
        List<SOPClassCommonExtendedNegotiation> common = new ArrayList<>();
        UserIdentityRQ identityRQ = null;
        UserIdentityAC identityAC = null;
        List<UnknownItem> unknown = new ArrayList<>();
        for (AssociateItems.Item sub : AssociateItems.Item.split(userInformation.bytes, userInformation.offset,
                userInformation.end())) {
            Cursor c = new Cursor(sub);
            switch (sub.type) {
                case ItemType.MAXIMUM_LENGTH -> {
                    maximumLength = c.u32();
                    c.expectEnd();
                }
                case ItemType.IMPLEMENTATION_CLASS_UID -> classUid = sub.text();
                case ItemType.IMPLEMENTATION_VERSION_NAME -> versionName = sub.text();
                case ItemType.ASYNCHRONOUS_OPERATIONS_WINDOW -> {
                    window = new AsynchronousOperationsWindow(c.u16(), c.u16());
                    c.expectEnd();
                }
                case ItemType.SCP_SCU_ROLE_SELECTION -> {
                    String uid = c.text(c.u16());
                    roles.add(new RoleSelection(uid, c.u8() != 0, c.u8() != 0));
                    c.expectEnd();
                }
                case ItemType.SOP_CLASS_EXTENDED_NEGOTIATION -> {
                    String uid = c.text(c.u16());
                    extended.add(new SOPClassExtendedNegotiation(uid, c.rest()));
                }
                case ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION -> common.add(decodeCommon(c));
                case ItemType.USER_IDENTITY_RQ -> {
                    int type = c.u8();
                    boolean positive = c.u8() != 0;
                    byte[] primary = c.bytes(c.u16());
                    byte[] secondary = c.bytes(c.u16());
                    c.expectEnd();
                    identityRQ = new UserIdentityRQ(type, positive, primary, secondary);
                }
                case ItemType.USER_IDENTITY_AC -> {
                    identityAC = new UserIdentityAC(c.bytes(c.u16()));
                    c.expectEnd();
                }
                default -> unknown.add(sub.unknown());
            }
        }
        return new UserInformation(maximumLength, classUid, versionName, window, roles, extended, common,
                identityRQ, identityAC, unknown);
    }

    private static SOPClassCommonExtendedNegotiation decodeCommon(Cursor c) throws PduDecodeException {
        String sopClass = c.text(c.u16());
        String serviceClass = c.text(c.u16());
        int relatedLength = c.u16();
        Cursor related = c.sub(relatedLength);
        List<String> uids = new ArrayList<>();
        while (!related.atEnd()) {
            uids.add(related.text(related.u16()));
        }
        c.expectEnd();
        return new SOPClassCommonExtendedNegotiation(sopClass, serviceClass, uids);
    }

    /** Appends the user information item, sub-items in the order of PS3.7 Annex D. */
    static void encode(UserInformation ui, ByteBuilder out) {
        int itemStart = PduEncoder.beginItem(out, ItemType.USER_INFORMATION);
        int sub = PduEncoder.beginItem(out, ItemType.MAXIMUM_LENGTH);
        out.writeU32(ui.maximumLength());
        PduEncoder.endItem(out, sub);
        PduEncoder.textItem(out, ItemType.IMPLEMENTATION_CLASS_UID, ui.implementationClassUid());
        if (ui.asynchronousOperationsWindow() != null) {
            sub = PduEncoder.beginItem(out, ItemType.ASYNCHRONOUS_OPERATIONS_WINDOW);
            out.writeU16(ui.asynchronousOperationsWindow().maxOperationsInvoked());
            out.writeU16(ui.asynchronousOperationsWindow().maxOperationsPerformed());
            PduEncoder.endItem(out, sub);
        }
        for (RoleSelection role : ui.roleSelections()) {
            sub = PduEncoder.beginItem(out, ItemType.SCP_SCU_ROLE_SELECTION);
            writeUid(out, role.sopClassUid());
            out.write(role.scuRole() ? 1 : 0);
            out.write(role.scpRole() ? 1 : 0);
            PduEncoder.endItem(out, sub);
        }
        if (ui.implementationVersionName() != null) {
            PduEncoder.textItem(out, ItemType.IMPLEMENTATION_VERSION_NAME, ui.implementationVersionName());
        }
        for (SOPClassExtendedNegotiation n : ui.extendedNegotiations()) {
            sub = PduEncoder.beginItem(out, ItemType.SOP_CLASS_EXTENDED_NEGOTIATION);
            writeUid(out, n.sopClassUid());
            out.write(n.informationUnsafe());
            PduEncoder.endItem(out, sub);
        }
        for (SOPClassCommonExtendedNegotiation n : ui.commonExtendedNegotiations()) {
            sub = PduEncoder.beginItem(out, ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION);
            writeUid(out, n.sopClassUid());
            writeUid(out, n.serviceClassUid());
            int lengthAt = out.size();
            out.writeU16(0);
            for (String related : n.relatedGeneralSopClassUids()) {
                writeUid(out, related);
            }
            out.putU16At(lengthAt, out.size() - lengthAt - U16_LENGTH);
            PduEncoder.endItem(out, sub);
        }
        if (ui.userIdentityRQ() != null) {
            UserIdentityRQ id = ui.userIdentityRQ();
            sub = PduEncoder.beginItem(out, ItemType.USER_IDENTITY_RQ);
            out.write(id.type());
            out.write(id.positiveResponseRequested() ? 1 : 0);
            writeField(out, id.primaryUnsafe());
            writeField(out, id.secondaryUnsafe());
            PduEncoder.endItem(out, sub);
        }
        if (ui.userIdentityAC() != null) {
            sub = PduEncoder.beginItem(out, ItemType.USER_IDENTITY_AC);
            writeField(out, ui.userIdentityAC().responseUnsafe());
            PduEncoder.endItem(out, sub);
        }
        for (UnknownItem unknown : ui.unknownItems()) {
            sub = PduEncoder.beginItem(out, unknown.type());
            unknown.writeValueTo(out);
            PduEncoder.endItem(out, sub);
        }
        PduEncoder.endItem(out, itemStart);
    }

    private static void writeUid(ByteBuilder out, String uid) {
        writeField(out, Bytes.latin1(uid));
    }

    private static void writeField(ByteBuilder out, byte[] value) {
        if (value.length > ItemType.MAX_U16) {
            throw new IllegalArgumentException("field of " + value.length + " bytes exceeds its 16-bit length");
        }
        out.writeU16(value.length);
        out.write(value);
    }

    /** Reads the fields of one sub-item, refusing to read past its end. */
    private static final class Cursor {
        private final byte[] b;
        private final int end;
        private final int type;
        private int pos;

        Cursor(AssociateItems.Item item) {
            this(item.bytes, item.offset, item.end(), item.type);
        }

        private Cursor(byte[] b, int pos, int end, int type) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.type = type;
        }

        private void need(int n) throws PduDecodeException {
            if (n > end - pos) {
                throw AssociateItems.invalid(String.format("user information sub-item 0x%02X is truncated", type));
            }
        }

        int u8() throws PduDecodeException {
            need(1);
            return Bytes.u8(b, pos++);
        }

        int u16() throws PduDecodeException {
            need(U16_LENGTH);
            int v = Bytes.u16(b, pos);
            pos += U16_LENGTH;
            return v;
        }

        long u32() throws PduDecodeException {
            need(U32_LENGTH);
            long v = Bytes.u32(b, pos);
            pos += U32_LENGTH;
            return v;
        }

        String text(int n) throws PduDecodeException {
            need(n);
            String s = Bytes.text(b, pos, n);
            pos += n;
            return s;
        }

        byte[] bytes(int n) throws PduDecodeException {
            need(n);
            byte[] v = Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return v;
        }

        byte[] rest() {
            byte[] v = Arrays.copyOfRange(b, pos, end);
            pos = end;
            return v;
        }

        Cursor sub(int n) throws PduDecodeException {
            need(n);
            Cursor c = new Cursor(b, pos, pos + n, type);
            pos += n;
            return c;
        }

        boolean atEnd() {
            return pos == end;
        }

        void expectEnd() throws PduDecodeException {
            if (pos != end) {
                throw AssociateItems.invalid(String.format("user information sub-item 0x%02X has %d extra bytes",
                        type, end - pos));
            }
        }
    }
}
