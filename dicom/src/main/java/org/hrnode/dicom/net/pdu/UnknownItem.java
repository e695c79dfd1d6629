package org.hrnode.dicom.net.pdu;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An item whose type this implementation does not know. PS3.8 §9.3.1 says such items are ignored rather than
 * refused; keeping them lets the log show what a peer sent and lets a decoded PDU be re-encoded unchanged.
 *
 * @param type the item-type byte
 * @param value the item's value (after its 4-byte header)
 */
public record UnknownItem(int type, byte[] value) {

    public UnknownItem {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    void writeValueTo(ByteBuilder out) {
        out.write(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownItem u && u.type == type && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("UnknownItem[type=0x%02X, value=%s]", type, HexFormat.of().formatHex(value));
    }
}
