package org.hrnode.dicom.net.ul;

import java.util.List;

/**
 * The actions of the DICOM Upper Layer state machine, PS3.8 Tables 9-6 to 9-9, with the state each leads to.
 * Two actions have a choice of next state: AE-6 (Sta3 if the provider finds the A-ASSOCIATE-RQ acceptable, else
 * Sta13) and AR-8 (Sta9 on the requestor side of a release collision, Sta10 on the acceptor side).
 */
public enum Action {
    AE_1("AE-1", "Issue TRANSPORT CONNECT request primitive to local transport service", State.Sta4),
    AE_2("AE-2", "Send A-ASSOCIATE-RQ-PDU", State.Sta5),
    AE_3("AE-3", "Issue A-ASSOCIATE confirmation (accept) primitive", State.Sta6),
    AE_4("AE-4", "Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", State.Sta1),
    AE_5("AE-5", "Issue Transport connection response primitive; start ARTIM timer", State.Sta2),
    AE_6("AE-6", "Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue A-ASSOCIATE "
            + "indication primitive; otherwise: issue A-ASSOCIATE-RJ-PDU and start ARTIM timer",
            State.Sta3, State.Sta13),
    AE_7("AE-7", "Send A-ASSOCIATE-AC PDU", State.Sta6),
    AE_8("AE-8", "Send A-ASSOCIATE-RJ PDU and start ARTIM timer", State.Sta13),
    DT_1("DT-1", "Send P-DATA-TF PDU", State.Sta6),
    DT_2("DT-2", "Send P-DATA indication primitive", State.Sta6),
    AR_1("AR-1", "Send A-RELEASE-RQ PDU", State.Sta7),
    AR_2("AR-2", "Issue A-RELEASE indication primitive", State.Sta8),
    AR_3("AR-3", "Issue A-RELEASE confirmation primitive, and close transport connection", State.Sta1),
    AR_4("AR-4", "Issue A-RELEASE-RP PDU and start ARTIM timer", State.Sta13),
    AR_5("AR-5", "Stop ARTIM timer", State.Sta1),
    AR_6("AR-6", "Issue P-DATA indication", State.Sta7),
    AR_7("AR-7", "Issue P-DATA-TF PDU", State.Sta8),
    AR_8("AR-8", "Issue A-RELEASE indication (release collision): if association-requestor, next state is Sta9, "
            + "if not next state is Sta10", State.Sta9, State.Sta10),
    AR_9("AR-9", "Send A-RELEASE-RP PDU", State.Sta11),
    AR_10("AR-10", "Issue A-RELEASE confirmation primitive", State.Sta12),
    AA_1("AA-1", "Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer",
            State.Sta13),
    AA_2("AA-2", "Stop ARTIM timer if running. Close transport connection", State.Sta1),
    AA_3("AA-3", "If (service-user initiated abort): issue A-ABORT indication and close transport connection; "
            + "otherwise (service-provider initiated abort): issue A-P-ABORT indication and close transport "
            + "connection", State.Sta1),
    AA_4("AA-4", "Issue A-P-ABORT indication primitive", State.Sta1),
    AA_5("AA-5", "Stop ARTIM timer", State.Sta1),
    AA_6("AA-6", "Ignore PDU", State.Sta13),
    AA_7("AA-7", "Send A-ABORT PDU", State.Sta13),
    AA_8("AA-8", "Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer",
            State.Sta13);

    private final String code;
    private final String description;
    private final List<State> nextStates;

    Action(String code, String description, State... nextStates) {
        this.code = code;
        this.description = description;
        this.nextStates = List.of(nextStates);
    }

    /** The PS3.8 name, e.g. "AE-1". */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The possible next states: one, or for AE-6 and AR-8 the two alternatives in the order described above. */
    public List<State> nextStates() {
        return nextStates;
    }

    /**
     * The next state. {@code alternative} picks the second state of AE-6 (A-ASSOCIATE-RQ not acceptable to the
     * provider) and AR-8 (acceptor side); it is ignored for actions with a single next state.
     */
    public State nextState(boolean alternative) {
        return alternative && nextStates.size() > 1 ? nextStates.get(1) : nextStates.getFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
