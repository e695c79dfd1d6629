package org.hrnode.aiqc.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hrnode.aiqc.catalog.Vocabulary.Hit;
import org.hrnode.aiqc.catalog.Vocabulary.Kind;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.dict.Tag;

/**
 * What a study's instance headers say about the exam, gathered once for all items: modalities, texts with the
 * terms found in them, sides, views per image, contrast, age. Only headers are read; no pixel data is needed.
 */
final class StudyEvidence {

    /** A term found in one attribute's text. */
    record Found(Hit hit, EvidenceField field, String text) {

        String where() {
            return field.keyword() + " '" + text + "'" + (hit.fuzzy() ? " (read '" + hit.found() + "' as a slip)" : "");
        }
    }

    private static final Set<String> NON_DECIDING_MODALITIES = Set.of("SR", "PR", "KO", "DOC", "OT", "REG", "SEG",
            "RTSTRUCT", "AU", "PLAN", "FID", "");
    /** Contrast Bolus Agent values that say "none"; placeholders without letters or digits (***) are ignored too. */
    private static final Set<String> NO_AGENT = Set.of("NONE", "NO", "N", "无", "否", "0", "NA", "N/A");

    final Map<CatalogModality, Integer> modalityCounts = new EnumMap<>(CatalogModality.class);
    final Set<String> otherModalities = new LinkedHashSet<>();
    final Set<String> dicomModalities = new LinkedHashSet<>();
    int mammograms;
    final List<Found> found = new ArrayList<>();
    /** Laterality attributes: the side and "ImageLaterality R" for explanations. */
    final Map<Side, String> attributeSides = new EnumMap<>(Side.class);
    /** The view of each radiograph that has a View Position (or View Code Sequence), in instance order. */
    final List<View> imageViews = new ArrayList<>();
    final List<String> imageViewValues = new ArrayList<>();
    int radiographs;
    String contrastAgent;
    OptionalDouble ageYears = OptionalDouble.empty();
    String age;
    /** Local exam codes and names, for institution mappings, in the order they are tried. */
    final Set<String> localCodes = new LinkedHashSet<>();
    final Set<String> localNames = new LinkedHashSet<>();

    private StudyEvidence() {
    }

    static StudyEvidence of(List<Dataset> instances, Vocabulary vocabulary) {
        StudyEvidence e = new StudyEvidence();
        Map<String, EvidenceField> texts = new LinkedHashMap<>();
        Set<String> seenInstances = new HashSet<>();
        for (Dataset ds : instances) {
            String sop = ds.getString(Tag.SOPInstanceUID);
            if (sop != null && !seenInstances.add(sop)) {
                continue;
            }
            e.readModality(ds, vocabulary);
            text(texts, ds.getString(Tag.RequestedProcedureDescription), EvidenceField.REQUESTED_PROCEDURE);
            text(texts, ds.getString(Tag.StudyDescription), EvidenceField.STUDY_DESCRIPTION);
            text(texts, ds.getString(Tag.PerformedProcedureStepDescription), EvidenceField.PERFORMED_PROCEDURE);
            codes(e, texts, ds.getSequence(Tag.ProcedureCodeSequence));
            codes(e, texts, ds.getSequence(Tag.RequestedProcedureCodeSequence));
            Sequence requests = ds.getSequence(Tag.RequestAttributesSequence);
            if (requests != null) {
                for (Dataset item : requests) {
                    text(texts, item.getString(Tag.RequestedProcedureDescription), EvidenceField.REQUESTED_PROCEDURE);
                    text(texts, item.getString(Tag.ScheduledProcedureStepDescription),
                            EvidenceField.SCHEDULED_PROCEDURE);
                    codes(e, texts, item.getSequence(Tag.RequestedProcedureCodeSequence));
                }
            }
            text(texts, ds.getString(Tag.SeriesDescription), EvidenceField.SERIES_DESCRIPTION);
            text(texts, ds.getString(Tag.ProtocolName), EvidenceField.PROTOCOL_NAME);
            text(texts, ds.getString(Tag.BodyPartExamined), EvidenceField.BODY_PART);
            Sequence anatomy = ds.getSequence(Tag.AnatomicRegionSequence);
            if (anatomy != null) {
                for (Dataset item : anatomy) {
                    text(texts, item.getString(Tag.CodeMeaning), EvidenceField.ANATOMIC_REGION);
                }
            }
            e.readSide(ds);
            e.readContrast(ds);
            e.readAge(ds);
        }
        for (Map.Entry<String, EvidenceField> t : texts.entrySet()) {
            for (Hit hit : vocabulary.scan(t.getKey())) {
                e.found.add(new Found(hit, t.getValue(), t.getKey()));
            }
            if (t.getValue().weight() == 1.0 && t.getValue() != EvidenceField.PROCEDURE_CODE) {
                e.localNames.add(t.getKey());
            }
        }
        return e;
    }

    private static void text(Map<String, EvidenceField> texts, String value, EvidenceField field) {
        if (value != null && !value.isBlank()) {
            texts.putIfAbsent(value.strip(), field);
        }
    }

    private static void codes(StudyEvidence e, Map<String, EvidenceField> texts, Sequence codes) {
        if (codes == null) {
            return;
        }
        for (Dataset code : codes) {
            String value = code.getString(Tag.CodeValue);
            if (value != null && !value.isBlank()) {
                e.localCodes.add(value.strip());
            }
            text(texts, code.getString(Tag.CodeMeaning), EvidenceField.PROCEDURE_CODE);
            String meaning = code.getString(Tag.CodeMeaning);
            if (meaning != null && !meaning.isBlank()) {
                e.localNames.add(meaning.strip());
            }
        }
    }

    private void readModality(Dataset ds, Vocabulary vocabulary) {
        String modality = ds.getString(Tag.Modality, "").strip().toUpperCase(Locale.ROOT);
        if (!modality.isEmpty()) {
            dicomModalities.add(modality);
        }
        Optional<CatalogModality> category = CatalogModality.ofDicom(modality);
        if (category.isPresent()) {
            modalityCounts.merge(category.get(), 1, Integer::sum);
            if (category.get() == CatalogModality.DR) {
                radiographs++;
                mammograms += "MG".equals(modality) ? 1 : 0;
                readView(ds, vocabulary);
            }
        } else if (!NON_DECIDING_MODALITIES.contains(modality)) {
            otherModalities.add(modality);
        }
    }

    private void readView(Dataset ds, Vocabulary vocabulary) {
        String value = ds.getString(Tag.ViewPosition);
        if (value == null || value.isBlank()) {
            Dataset code = ds.getItem(Tag.ViewCodeSequence);
            value = code == null ? null : code.getString(Tag.CodeMeaning);
        }
        if (value == null || value.isBlank()) {
            return;
        }
        for (Hit hit : vocabulary.scan(value)) {
            if (hit.kind() == Kind.VIEW) {
                imageViews.add(View.valueOf(hit.key()));
                imageViewValues.add(value.strip());
                return;
            }
        }
    }

    private void readSide(Dataset ds) {
        for (int tag : new int[] {Tag.ImageLaterality, Tag.Laterality, Tag.FrameLaterality}) {
            String v = ds.getString(tag);
            if (v == null) {
                continue;
            }
            String name = tag == Tag.ImageLaterality ? "ImageLaterality" : tag == Tag.Laterality ? "Laterality"
                    : "FrameLaterality";
            switch (v.strip().toUpperCase(Locale.ROOT)) {
                case "L" -> attributeSides.putIfAbsent(Side.LEFT, name + " L");
                case "R" -> attributeSides.putIfAbsent(Side.RIGHT, name + " R");
                case "B" -> attributeSides.putIfAbsent(Side.BOTH, name + " B");
                default -> {
                }
            }
        }
    }

    private void readContrast(Dataset ds) {
        String agent = ds.getString(Tag.ContrastBolusAgent);
        if (agent != null && agent.codePoints().anyMatch(Character::isLetterOrDigit)
                && !NO_AGENT.contains(agent.strip().toUpperCase(Locale.ROOT))) {
            contrastAgent = "ContrastBolusAgent '" + agent.strip() + "'";
        } else if (contrastAgent == null && ds.getItem(Tag.ContrastBolusAgentSequence) != null) {
            contrastAgent = "ContrastBolusAgentSequence";
        }
    }

    /** PatientAge is nnnD, nnnW, nnnM or nnnY (PS3.5 AS). */
    private void readAge(Dataset ds) {
        String v = ds.getString(Tag.PatientAge);
        if (v == null || ageYears.isPresent()) {
            return;
        }
        String s = v.strip().toUpperCase(Locale.ROOT);
        if (!s.matches("\\d{1,3}[DWMY]")) {
            return;
        }
        double n = Integer.parseInt(s.substring(0, s.length() - 1));
        double years = switch (s.charAt(s.length() - 1)) {
            case 'D' -> n / 365.25;
            case 'W' -> n / 52.18;
            case 'M' -> n / 12;
            default -> n;
        };
        ageYears = OptionalDouble.of(years);
        age = s;
    }

    List<Found> of(Kind kind) {
        return found.stream().filter(f -> f.hit().kind() == kind).toList();
    }
}
