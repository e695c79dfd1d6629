package org.hrnode.wado;

/**
 * Whether a study holds the "川渝 HR" mutual-recognition mark (spec §6.4). Rendered images of such studies carry the
 * mark in their upper-right corner; stored objects are never altered. The AI QC pipeline decides; DICOMweb only asks.
 */
@FunctionalInterface
public interface StudyMarks {

    /** No study is marked (before QC has graded anything, or with QC off). */
    StudyMarks NONE = studyInstanceUid -> false;

    boolean hasHrMark(String studyInstanceUid);
}
