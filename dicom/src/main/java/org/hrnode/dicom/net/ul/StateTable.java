package org.hrnode.dicom.net.ul;

import static org.hrnode.dicom.net.ul.Action.AA_1;
import static org.hrnode.dicom.net.ul.Action.AA_2;
import static org.hrnode.dicom.net.ul.Action.AA_3;
import static org.hrnode.dicom.net.ul.Action.AA_4;
import static org.hrnode.dicom.net.ul.Action.AA_5;
import static org.hrnode.dicom.net.ul.Action.AA_6;
import static org.hrnode.dicom.net.ul.Action.AA_7;
import static org.hrnode.dicom.net.ul.Action.AA_8;
import static org.hrnode.dicom.net.ul.Action.AE_1;
import static org.hrnode.dicom.net.ul.Action.AE_2;
import static org.hrnode.dicom.net.ul.Action.AE_3;
import static org.hrnode.dicom.net.ul.Action.AE_4;
import static org.hrnode.dicom.net.ul.Action.AE_5;
import static org.hrnode.dicom.net.ul.Action.AE_6;
import static org.hrnode.dicom.net.ul.Action.AE_7;
import static org.hrnode.dicom.net.ul.Action.AE_8;
import static org.hrnode.dicom.net.ul.Action.AR_1;
import static org.hrnode.dicom.net.ul.Action.AR_10;
import static org.hrnode.dicom.net.ul.Action.AR_2;
import static org.hrnode.dicom.net.ul.Action.AR_3;
import static org.hrnode.dicom.net.ul.Action.AR_4;
import static org.hrnode.dicom.net.ul.Action.AR_5;
import static org.hrnode.dicom.net.ul.Action.AR_6;
import static org.hrnode.dicom.net.ul.Action.AR_7;
import static org.hrnode.dicom.net.ul.Action.AR_8;
import static org.hrnode.dicom.net.ul.Action.AR_9;
import static org.hrnode.dicom.net.ul.Action.DT_1;
import static org.hrnode.dicom.net.ul.Action.DT_2;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * PS3.8 Table 9-10, the DICOM Upper Layer state transition table, as data: for each event, the action in each of
 * the thirteen states, laid out exactly as the standard prints it (one row per event, one column per state).
 *
 * <p>An empty cell ({@code __}) means the standard defines no transition. For events raised by the local user
 * (requests and responses) that is a programming error of the caller; for events from the peer or the transport
 * it can only happen where no connection exists (Sta1, Sta4), where {@link Association} does not read; for a late
 * ARTIM expiry it means the timer was already irrelevant. The association treats all three that way.
 */
public final class StateTable {

    private static final Action __ = null;
    private static final Map<Event, Map<State, Action>> TABLE = new EnumMap<>(Event.class);

    static {
        //          Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10  Sta11  Sta12  Sta13
        row(Event.Evt1, AE_1, __, __, __, __, __, __, __, __, __, __, __, __);
        row(Event.Evt2, __, __, __, AE_2, __, __, __, __, __, __, __, __, __);
        row(Event.Evt3, __, AA_1, AA_8, __, AE_3, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(Event.Evt4, __, AA_1, AA_8, __, AE_4, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(Event.Evt5, AE_5, __, __, __, __, __, __, __, __, __, __, __, __);
        row(Event.Evt6, __, AE_6, AA_8, __, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7);
        row(Event.Evt7, __, __, AE_7, __, __, __, __, __, __, __, __, __, __);
        row(Event.Evt8, __, __, AE_8, __, __, __, __, __, __, __, __, __, __);
        row(Event.Evt9, __, __, __, __, __, DT_1, __, AR_7, __, __, __, __, __);
        row(Event.Evt10, __, AA_1, AA_8, __, AA_8, DT_2, AR_6, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(Event.Evt11, __, __, __, __, __, AR_1, __, __, __, __, __, __, __);
        row(Event.Evt12, __, AA_1, AA_8, __, AA_8, AR_2, AR_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(Event.Evt13, __, AA_1, AA_8, __, AA_8, AA_8, AR_3, AA_8, AA_8, AR_10, AR_3, AA_8, AA_6);
        row(Event.Evt14, __, __, __, __, __, __, __, AR_4, AR_9, __, __, AR_4, __);
        row(Event.Evt15, __, __, AA_1, AA_2, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, __);
        row(Event.Evt16, __, AA_2, AA_3, __, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_2);
        row(Event.Evt17, __, AA_5, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AR_5);
        row(Event.Evt18, __, AA_2, __, __, __, __, __, __, __, __, __, __, AA_2);
        row(Event.Evt19, __, AA_1, AA_8, __, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7);
    }

    private StateTable() {
    }

    private static void row(Event event, Action... actionsByState) {
        State[] states = State.values();
        if (actionsByState.length != states.length) {
            throw new IllegalStateException(event + " row has " + actionsByState.length + " cells");
        }
        Map<State, Action> row = new EnumMap<>(State.class);
        for (int i = 0; i < states.length; i++) {
            if (actionsByState[i] != null) {
                row.put(states[i], actionsByState[i]);
            }
        }
        TABLE.put(event, row);
    }

    /** The action PS3.8 prescribes for {@code event} in {@code state}, or empty for an empty cell. */
    public static Optional<Action> action(Event event, State state) {
        return Optional.ofNullable(TABLE.get(event).get(state));
    }
}
