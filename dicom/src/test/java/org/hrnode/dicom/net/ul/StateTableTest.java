package org.hrnode.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every one of the 13 × 19 cells of PS3.8 Table 9-10, against a second, independent transcription of the table
 * (this text grid, typed from the standard), and every action's next state against Tables 9-6 to 9-9.
 */
class StateTableTest {

    /** PS3.8 Table 9-10; "-" is an empty cell (no transition defined). */
    private static final String TABLE_9_10 = """
            event  Sta1 Sta2 Sta3 Sta4 Sta5 Sta6 Sta7 Sta8 Sta9 Sta10 Sta11 Sta12 Sta13
            Evt1   AE-1 -    -    -    -    -    -    -    -    -     -     -     -
            Evt2   -    -    -    AE-2 -    -    -    -    -    -     -     -     -
            Evt3   -    AA-1 AA-8 -    AE-3 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
            Evt4   -    AA-1 AA-8 -    AE-4 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
            Evt5   AE-5 -    -    -    -    -    -    -    -    -     -     -     -
            Evt6   -    AE-6 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-7
            Evt7   -    -    AE-7 -    -    -    -    -    -    -     -     -     -
            Evt8   -    -    AE-8 -    -    -    -    -    -    -     -     -     -
            Evt9   -    -    -    -    -    DT-1 -    AR-7 -    -     -     -     -
            Evt10  -    AA-1 AA-8 -    AA-8 DT-2 AR-6 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
            Evt11  -    -    -    -    -    AR-1 -    -    -    -     -     -     -
            Evt12  -    AA-1 AA-8 -    AA-8 AR-2 AR-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-6
            Evt13  -    AA-1 AA-8 -    AA-8 AA-8 AR-3 AA-8 AA-8 AR-10 AR-3  AA-8  AA-6
            Evt14  -    -    -    -    -    -    -    AR-4 AR-9 -     -     AR-4  -
            Evt15  -    -    AA-1 AA-2 AA-1 AA-1 AA-1 AA-1 AA-1 AA-1  AA-1  AA-1  -
            Evt16  -    AA-2 AA-3 -    AA-3 AA-3 AA-3 AA-3 AA-3 AA-3  AA-3  AA-3  AA-2
            Evt17  -    AA-5 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4 AA-4  AA-4  AA-4  AR-5
            Evt18  -    AA-2 -    -    -    -    -    -    -    -     -     -     AA-2
            Evt19  -    AA-1 AA-8 -    AA-8 AA-8 AA-8 AA-8 AA-8 AA-8  AA-8  AA-8  AA-7
            """;

    /** Tables 9-6 to 9-9: action → next state(s). */
    private static final Map<String, List<State>> NEXT_STATES = Map.ofEntries(
            Map.entry("AE-1", List.of(State.Sta4)), Map.entry("AE-2", List.of(State.Sta5)),
            Map.entry("AE-3", List.of(State.Sta6)), Map.entry("AE-4", List.of(State.Sta1)),
            Map.entry("AE-5", List.of(State.Sta2)), Map.entry("AE-6", List.of(State.Sta3, State.Sta13)),
            Map.entry("AE-7", List.of(State.Sta6)), Map.entry("AE-8", List.of(State.Sta13)),
            Map.entry("DT-1", List.of(State.Sta6)), Map.entry("DT-2", List.of(State.Sta6)),
            Map.entry("AR-1", List.of(State.Sta7)), Map.entry("AR-2", List.of(State.Sta8)),
            Map.entry("AR-3", List.of(State.Sta1)), Map.entry("AR-4", List.of(State.Sta13)),
            Map.entry("AR-5", List.of(State.Sta1)), Map.entry("AR-6", List.of(State.Sta7)),
            Map.entry("AR-7", List.of(State.Sta8)), Map.entry("AR-8", List.of(State.Sta9, State.Sta10)),
            Map.entry("AR-9", List.of(State.Sta11)), Map.entry("AR-10", List.of(State.Sta12)),
            Map.entry("AA-1", List.of(State.Sta13)), Map.entry("AA-2", List.of(State.Sta1)),
            Map.entry("AA-3", List.of(State.Sta1)), Map.entry("AA-4", List.of(State.Sta1)),
            Map.entry("AA-5", List.of(State.Sta1)), Map.entry("AA-6", List.of(State.Sta13)),
            Map.entry("AA-7", List.of(State.Sta13)), Map.entry("AA-8", List.of(State.Sta13)));

    @Test
    void everyCellOfTable9_10() {
        List<String> lines = TABLE_9_10.lines().toList();
        List<String> header = List.of(lines.getFirst().trim().split("\\s+"));
        assertThat(header.subList(1, header.size()))
                .containsExactlyElementsOf(List.of(State.values()).stream().map(Enum::name).toList());
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.trim().split("\\s+");
            Event event = Event.valueOf(cols[0]);
            for (State state : State.values()) {
                String expected = cols[state.ordinal() + 1];
                Optional<Action> actual = StateTable.action(event, state);
                String got = actual.map(Action::code).orElse("-");
                if (!got.equals(expected)) {
                    mismatches.add(event + "/" + state + ": expected " + expected + ", table says " + got);
                }
                cells++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(cells).isEqualTo(Event.values().length * State.values().length).isEqualTo(247);
    }

    @Test
    void everyActionLeadsWhereTables9_6To9_9Say() {
        Map<String, List<State>> actual = new TreeMap<>();
        for (Action a : Action.values()) {
            actual.put(a.code(), a.nextStates());
        }
        assertThat(actual).isEqualTo(new TreeMap<>(NEXT_STATES));
        assertThat(Action.AE_6.nextState(false)).isEqualTo(State.Sta3);
        assertThat(Action.AE_6.nextState(true)).isEqualTo(State.Sta13);
        assertThat(Action.AR_8.nextState(false)).isEqualTo(State.Sta9);
        assertThat(Action.AR_8.nextState(true)).isEqualTo(State.Sta10);
        assertThat(Action.AA_8.nextState(true)).isEqualTo(State.Sta13);
    }

    @Test
    void emptyCellsOnlyWhereNoPeerCanSpeakOrTheLocalUserErred() {
        for (Event event : Event.values()) {
            for (State state : State.values()) {
                if (StateTable.action(event, state).isPresent()) {
                    continue;
                }
                switch (event.origin()) {
                    case PEER -> assertThat(state).as("%s/%s", event, state).isIn(State.Sta1, State.Sta4);
                    case TRANSPORT -> {
                        if (event == Event.Evt17) {
                            assertThat(state).as("connection loss is defined wherever a connection exists")
                                    .isEqualTo(State.Sta1);
                        }
                    }
                    case TIMER -> assertThat(state).as("%s/%s", event, state).isNotIn(State.Sta2, State.Sta13);
                    case LOCAL_USER -> { }
                }
            }
        }
    }
}
