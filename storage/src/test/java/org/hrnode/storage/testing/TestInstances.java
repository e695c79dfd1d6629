package org.hrnode.storage.testing;

import java.time.Instant;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.index.ArrivalInfo;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoredObject;

/** Headers and index records for tests, with sensible defaults that each test overrides where it matters. */
public final class TestInstances {

    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final Instant ARRIVED = Instant.parse("2026-03-01T02:03:04Z");

    private TestInstances() {
    }

    /** A CT header with the identifying attributes and a name; add or replace others with set/setString. */
    public static Dataset header(String patientId, String patientName, String studyUid, String seriesUid,
                                 String sopUid) {
        Dataset d = new Dataset();
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOPClassUID, VR.UI, CT_IMAGE_STORAGE);
        d.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        d.setString(Tag.Modality, VR.CS, "CT");
        d.setString(Tag.PatientID, VR.LO, patientId);
        if (patientName != null) {
            d.setString(Tag.PatientName, VR.PN, patientName);
        }
        d.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        d.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        return d;
    }

    /** The record of {@code header} as if its bytes had the given digest. */
    public static InstanceRecord record(Dataset header, String sha256) {
        String sop = header.getString(Tag.SOPInstanceUID);
        return InstanceRecord.fromDataset(header,
                new StoredObject(BlobKeys.forInstance(sop), EXPLICIT_VR_LITTLE_ENDIAN, 1000, sha256),
                new ArrivalInfo(ARRIVED, "CT01", "SCH001"));
    }

    /** A valid SHA-256 made of one repeated hexadecimal digit. */
    public static String sha(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
