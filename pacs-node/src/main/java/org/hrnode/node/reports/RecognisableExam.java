package org.hrnode.node.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A patient's earlier exam as the clinician's view shows it (GetCheckLabList / ExistsReCureInfo): the report's
 * items, institution and date, whether it can be recognised today and until when, and where to read the report and
 * see the images.
 *
 * @param hrEligible     the study's AI QC verdict, today; null when its images are not here or not judged yet
 * @param expiresOn      exam date + 1 month: the last day the exam can be recognised
 * @param recognisable   eligible, recognisable item, authenticated report, and not expired
 * @param notRecognisableBecause why not, when not
 * @param catalogueItems the 川渝 catalogue items (1-141) AI QC found in the study
 * @param reportUrl      the report's PDF on this node (null without one)
 * @param dicomWebUrl    the study on this node's DICOMweb service; {@code viewerUrl} the OHIF viewer route for it
 * @param pacsUrl        the reporting institution's own viewer link, as it submitted it
 */
public record RecognisableExam(String orgCode, String orgName, String reportFormNo, LocalDateTime examTime,
                               String className, String reportTitle, List<Item> items, List<Integer> catalogueItems,
                               String conclusion, Boolean abnormal, String studyInstanceUid, Boolean hrEligible,
                               LocalDate expiresOn, boolean recognisable, List<String> notRecognisableBecause,
                               String reportUrl, String dicomWebUrl, String viewerUrl, String pacsUrl,
                               List<String> matchedBy) {

    /** One standard exam item of the report. */
    public record Item(String code, String name, boolean recognition) {
    }
}
