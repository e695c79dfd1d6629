package org.hrnode.node.qc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hrnode.aiqc.pipeline.IneligibilityReason;
import org.hrnode.aiqc.pipeline.StudyAssessment;
import org.hrnode.aiqc.pipeline.HrVerdict;
import org.hrnode.storage.qc.QcResultRecord;

/**
 * How an assessment and its verdict are stored ({@code qc_results}) and shown by the API: the JSON written here is
 * what {@code GET /api/qc/studies/{uid}} returns for items, vetoes, checks, reasons and defects.
 */
public final class QcResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QcResultJson() {
    }

    /**
     * A reason (or defect) as the API shows it.
     *
     * @param xinjiangCode the Xinjiang non-recognition dictionary code (1-10), or null where none applies
     * @param xinjiangName that entry's name in the dictionary, or null
     */
    public record Reason(String code, Integer xinjiangCode, String xinjiangName, String zh, String en) {

        public static Reason of(IneligibilityReason r) {
            return new Reason(r.code(), r.xinjiangCode(), r.xinjiang() == null ? null : r.xinjiang().dictionaryName(),
                    r.zh(), r.en());
        }
    }

    static QcResultRecord record(long generation, StudyAssessment assessment, HrVerdict verdict) {
        return new QcResultRecord(generation, write(assessment.items()), assessment.explanation(), assessment.score(),
                assessment.grade().name(), verdict.eligible(), verdict.examDate(), verdict.windowEnd(),
                write(assessment.vetoes()),
                write(reasons(verdict.reasons())), write(reasons(verdict.defects())), write(assessment.checks()),
                assessment.modelVersion(), null);
    }

    private static List<Reason> reasons(List<IneligibilityReason> reasons) {
        return reasons.stream().map(Reason::of).toList();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // only an assessor's check value can be unserialisable; that is its bug, reported as the run's failure
            throw new IllegalArgumentException("QC result cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
