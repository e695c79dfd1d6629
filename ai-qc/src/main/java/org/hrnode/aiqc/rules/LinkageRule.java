package org.hrnode.aiqc.rules;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * G1 — the images belong to one patient and one order (spec §7.3.1.1 "患者医嘱 … 关联性", §7.3.2.1): every
 * instance carries Patient ID and Accession Number, and all carry the same ones, in one study. Only counts are
 * reported: identifiers never leave the node in a verdict or a log.
 */
public final class LinkageRule implements HeaderRule {

    static final String ID = "G1";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        int missingPatient = 0;
        int missingAccession = 0;
        Set<String> patients = new HashSet<>();
        Set<String> accessions = new HashSet<>();
        Set<String> studies = new HashSet<>();
        for (Dataset d : study.instances()) {
            String patient = Headers.string(d, Tag.PatientID);
            String accession = Headers.string(d, Tag.AccessionNumber);
            if (patient == null) {
                missingPatient++;
            } else {
                patients.add(patient);
            }
            if (accession == null) {
                missingAccession++;
            } else {
                accessions.add(accession);
            }
            studies.add(String.valueOf(Headers.string(d, Tag.StudyInstanceUID)));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("instancesWithoutPatientID", (double) missingPatient);
        values.put("instancesWithoutAccessionNumber", (double) missingAccession);
        values.put("distinctPatientIDs", (double) patients.size());
        values.put("distinctAccessionNumbers", (double) accessions.size());
        values.put("distinctStudyInstanceUIDs", (double) studies.size());
        StringBuilder problems = new StringBuilder();
        if (missingPatient > 0) {
            problems.append(missingPatient).append(" instance(s) without PatientID; ");
        }
        if (missingAccession > 0) {
            problems.append(missingAccession).append(" instance(s) without AccessionNumber (no link to the order); ");
        }
        if (patients.size() > 1) {
            problems.append(patients.size()).append(" different PatientIDs in one study; ");
        }
        if (accessions.size() > 1) {
            problems.append(accessions.size()).append(" different AccessionNumbers in one study; ");
        }
        if (studies.size() > 1) {
            problems.append(studies.size()).append(" different StudyInstanceUIDs; ");
        }
        String threshold = "every instance has PatientID and AccessionNumber, one value of each";
        if (problems.isEmpty()) {
            return List.of(CheckResult.pass(check, "study", values, threshold, "one patient, one order"));
        }
        return List.of(CheckResult.fail(check, "study", values, threshold, problems.toString().strip()));
    }
}
