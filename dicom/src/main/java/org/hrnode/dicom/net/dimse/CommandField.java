package org.hrnode.dicom.net.dimse;

import java.util.Optional;

/** Command Field (0000,0100) values of PS3.7 Annex E. A response's code is its request's with bit 15 set. */
public enum CommandField {
    C_STORE_RQ(0x0001, "C-STORE-RQ"),
    C_STORE_RSP(0x8001, "C-STORE-RSP"),
    C_GET_RQ(0x0010, "C-GET-RQ"),
    C_GET_RSP(0x8010, "C-GET-RSP"),
    C_FIND_RQ(0x0020, "C-FIND-RQ"),
    C_FIND_RSP(0x8020, "C-FIND-RSP"),
    C_MOVE_RQ(0x0021, "C-MOVE-RQ"),
    C_MOVE_RSP(0x8021, "C-MOVE-RSP"),
    C_ECHO_RQ(0x0030, "C-ECHO-RQ"),
    C_ECHO_RSP(0x8030, "C-ECHO-RSP"),
    N_EVENT_REPORT_RQ(0x0100, "N-EVENT-REPORT-RQ"),
    N_EVENT_REPORT_RSP(0x8100, "N-EVENT-REPORT-RSP"),
    N_GET_RQ(0x0110, "N-GET-RQ"),
    N_GET_RSP(0x8110, "N-GET-RSP"),
    N_SET_RQ(0x0120, "N-SET-RQ"),
    N_SET_RSP(0x8120, "N-SET-RSP"),
    N_ACTION_RQ(0x0130, "N-ACTION-RQ"),
    N_ACTION_RSP(0x8130, "N-ACTION-RSP"),
    N_CREATE_RQ(0x0140, "N-CREATE-RQ"),
    N_CREATE_RSP(0x8140, "N-CREATE-RSP"),
    N_DELETE_RQ(0x0150, "N-DELETE-RQ"),
    N_DELETE_RSP(0x8150, "N-DELETE-RSP"),
    C_CANCEL_RQ(0x0FFF, "C-CANCEL-RQ");

    /** Bit 15 of the command field marks a response. */
    public static final int RESPONSE_BIT = 0x8000;

    private final int code;
    private final String standardName;

    CommandField(int code, String standardName) {
        this.code = code;
        this.standardName = standardName;
    }

    public int code() {
        return code;
    }

    public boolean isResponse() {
        return (code & RESPONSE_BIT) != 0;
    }

    /** Whether responses of this request may be pending (several per request). */
    public boolean hasPendingResponses() {
        return this == C_FIND_RQ || this == C_MOVE_RQ || this == C_GET_RQ;
    }

    public static Optional<CommandField> of(int code) {
        for (CommandField f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The response command field code answering request code {@code requestCode}. */
    public static int responseCodeOf(int requestCode) {
        return requestCode | RESPONSE_BIT;
    }

    @Override
    public String toString() {
        return standardName;
    }
}
