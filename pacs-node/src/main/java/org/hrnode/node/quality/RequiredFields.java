package org.hrnode.node.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The fields QCspec §7.1.3 (完整性) requires of an image, as DICOM attributes, and which of them an object lacks.
 * The spec names categories; each maps to attributes an image can carry (docs/CONFORMANCE.md lists them):
 * 检查申请单信息 (order), 患者一般信息 (patient), 检查登记信息 (registration), 技师采集操作信息 (technologist and
 * acquisition parameters, by modality), 检查项目院内名称 (item name), 检查部位名称 (body part). The report-side
 * categories (diagnosis, positive flag, publication status) belong to the report and are not judged on images.
 */
public final class RequiredFields {

    /** One required field: satisfied when any of its attributes has a value. */
    record Field(String name, int... tags) {
    }

    private static final List<Field> COMMON = List.of(
            // 患者一般信息
            new Field("PatientName", Tag.PatientName),
            new Field("PatientID", Tag.PatientID),
            new Field("PatientSex", Tag.PatientSex),
            new Field("PatientBirthDate", Tag.PatientBirthDate),
            // 检查申请单信息
            new Field("AccessionNumber", Tag.AccessionNumber),
            new Field("ReferringPhysicianName", Tag.ReferringPhysicianName),
            // 检查登记信息
            new Field("StudyDate", Tag.StudyDate),
            new Field("StudyTime", Tag.StudyTime),
            new Field("InstitutionName", Tag.InstitutionName),
            // 技师采集操作信息: who acquired it
            new Field("OperatorsName", Tag.OperatorsName),
            // 检查项目院内名称
            new Field("StudyDescription/RequestedProcedureDescription", Tag.StudyDescription,
                    Tag.RequestedProcedureDescription),
            // 检查部位名称
            new Field("BodyPartExamined", Tag.BodyPartExamined));

    /** 技师采集参数: the acquisition parameters a technologist sets, for the modalities where they are standard. */
    private static final Map<String, List<Field>> ACQUISITION_PARAMETERS = Map.of(
            "CT", List.of(new Field("KVP", Tag.KVP), new Field("XRayTubeCurrent", Tag.XRayTubeCurrent),
                    new Field("ExposureTime", Tag.ExposureTime), new Field("SliceThickness", Tag.SliceThickness)),
            "DX", xRayProjection(),
            "CR", xRayProjection(),
            "DR", xRayProjection(),
            "MG", xRayProjection(),
            "MR", List.of(new Field("RepetitionTime", Tag.RepetitionTime), new Field("EchoTime", Tag.EchoTime),
                    new Field("MagneticFieldStrength", Tag.MagneticFieldStrength),
                    new Field("ScanningSequence", Tag.ScanningSequence),
                    new Field("SliceThickness", Tag.SliceThickness)));

    private static List<Field> xRayProjection() {
        return List.of(new Field("KVP", Tag.KVP), new Field("Exposure/ExposureInuAs", Tag.Exposure, Tag.ExposureInuAs));
    }

    private RequiredFields() {
    }

    /** The fields required of an object of {@code modality} (null when unknown: the common fields only). */
    static List<Field> forModality(String modality) {
        List<Field> fields = new ArrayList<>(COMMON);
        if (modality != null) {
            fields.addAll(ACQUISITION_PARAMETERS.getOrDefault(modality.trim(), List.of()));
        }
        return fields;
    }

    /** How many fields are required of {@code d}. */
    public static int countFor(Dataset d) {
        return forModality(d.getString(Tag.Modality)).size();
    }

    /** The names of the required fields {@code d} lacks, in the order above. */
    public static List<String> missingIn(Dataset d) {
        List<String> missing = new ArrayList<>();
        for (Field field : forModality(d.getString(Tag.Modality))) {
            boolean present = false;
            for (int tag : field.tags()) {
                String value = d.getString(tag);
                present |= value != null && !value.isBlank();
            }
            if (!present) {
                missing.add(field.name());
            }
        }
        return missing;
    }
}
