package org.hrnode.node.quality;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestResult;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.IngestSource;

/**
 * A header crafted for the quality tests: by default complete for its modality (every field of
 * {@link RequiredFields}) and free of defects, to be spoilt one attribute at a time. No pixel data: the metrics read
 * headers only.
 */
final class CraftedObject {

    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String DX_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";

    private final Dataset d = new Dataset();
    private String transferSyntaxUid = EXPLICIT_VR_LITTLE_ENDIAN;

    private CraftedObject(String modality, String sopClassUid, String studyUid, String sopInstanceUid) {
        set(Tag.SOPClassUID, sopClassUid).set(Tag.SOPInstanceUID, sopInstanceUid)
                .set(Tag.StudyInstanceUID, studyUid).set(Tag.SeriesInstanceUID, studyUid + ".1")
                .set(Tag.Modality, modality)
                .set(Tag.PatientName, "Test^Patient").set(Tag.PatientID, "P" + studyUid.replace(".", ""))
                .set(Tag.PatientSex, "F").set(Tag.PatientBirthDate, "19491231")
                .set(Tag.AccessionNumber, "A" + studyUid.replace(".", "")).set(Tag.ReferringPhysicianName, "Ref^Doc")
                .set(Tag.StudyDate, "20250301").set(Tag.StudyTime, "080000").set(Tag.InstitutionName, "Test Hospital")
                .set(Tag.OperatorsName, "Tech^Nician").set(Tag.StudyDescription, "CT CHEST")
                .set(Tag.BodyPartExamined, "CHEST");
    }

    /** A complete CT image: the 12 common fields plus KVP, XRayTubeCurrent, ExposureTime, SliceThickness (16). */
    static CraftedObject ct(String studyUid, String sopInstanceUid) {
        return new CraftedObject("CT", CT_IMAGE_STORAGE, studyUid, sopInstanceUid).set(Tag.KVP, "120")
                .set(Tag.XRayTubeCurrent, "200").set(Tag.ExposureTime, "500").set(Tag.SliceThickness, "5");
    }

    /** A complete DX image: the 12 common fields plus KVP and Exposure (14). */
    static CraftedObject dx(String studyUid, String sopInstanceUid) {
        return new CraftedObject("DX", DX_IMAGE_STORAGE, studyUid, sopInstanceUid).set(Tag.KVP, "80")
                .set(Tag.Exposure, "4");
    }

    CraftedObject set(int tag, String value) {
        d.setString(tag, Dataset.dictionaryVR(tag), value);
        return this;
    }

    /** Pixel geometry without pixels: what the study status computes compression ratios from. */
    CraftedObject geometry(int rows, int columns, int bitsAllocated) {
        d.setInts(Tag.Rows, VR.US, rows);
        d.setInts(Tag.Columns, VR.US, columns);
        d.setInts(Tag.BitsAllocated, VR.US, bitsAllocated);
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        return this;
    }

    CraftedObject without(int tag) {
        d.remove(tag);
        return this;
    }

    CraftedObject inTransferSyntax(String uid) {
        transferSyntaxUid = uid;
        return this;
    }

    Dataset dataset() {
        return d;
    }

    /** Sends it through the one ingest path, as {@code callingAeTitle}. */
    IngestResult ingestInto(IngestService ingest, String callingAeTitle) throws IOException, IngestException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.of(transferSyntaxUid));
        }
        return ingest.ingest(new IngestSource(callingAeTitle, "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), transferSyntaxUid, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
