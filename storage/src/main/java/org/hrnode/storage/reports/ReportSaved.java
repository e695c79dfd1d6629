package org.hrnode.storage.reports;

/**
 * What storing a report did.
 *
 * @param created          false when it replaced an earlier submission with the same keys
 * @param linkedStudyUid   the stored study it is linked to, or null while none of its images is here
 */
public record ReportSaved(long reportPk, boolean created, String linkedStudyUid) {
}
