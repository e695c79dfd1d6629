package org.hrnode.aiqc.catalog;

/**
 * The header attributes whose text the matcher reads, and how much a region named there counts. The order's own
 * words (what was requested and performed) count fully; series and protocol names, written by the modality, a
 * little less; Body Part Examined least, because consoles leave their default in it (CHEST on a shoulder).
 */
public enum EvidenceField {
    REQUESTED_PROCEDURE("RequestedProcedureDescription", 1.0),
    STUDY_DESCRIPTION("StudyDescription", 1.0),
    PERFORMED_PROCEDURE("PerformedProcedureStepDescription", 1.0),
    SCHEDULED_PROCEDURE("ScheduledProcedureStepDescription", 1.0),
    PROCEDURE_CODE("ProcedureCodeSequence", 1.0),
    SERIES_DESCRIPTION("SeriesDescription", 0.85),
    PROTOCOL_NAME("ProtocolName", 0.85),
    BODY_PART("BodyPartExamined", 0.8),
    ANATOMIC_REGION("AnatomicRegionSequence", 0.8);

    private final String keyword;
    private final double weight;

    EvidenceField(String keyword, double weight) {
        this.keyword = keyword;
        this.weight = weight;
    }

    /** The attribute's PS3.6 keyword, for explanations. */
    public String keyword() {
        return keyword;
    }

    public double weight() {
        return weight;
    }
}
