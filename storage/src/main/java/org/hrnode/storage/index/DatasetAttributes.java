package org.hrnode.storage.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.DicomDateTimes;

/** Reads the attributes {@link InstanceRecord} holds out of a dataset, leniently (see its {@code fromDataset}). */
final class DatasetAttributes {

    private DatasetAttributes() {
    }

    static InstanceRecord extract(Dataset d, StoredObject stored, ArrivalInfo arrival) {
        var patient = new InstanceRecord.Patient(text(d, Tag.PatientID), text(d, Tag.IssuerOfPatientID),
                name(d, Tag.PatientName), date(d, Tag.PatientBirthDate), text(d, Tag.PatientSex));
        var study = new InstanceRecord.Study(text(d, Tag.StudyInstanceUID), date(d, Tag.StudyDate),
                time(d, Tag.StudyTime), text(d, Tag.AccessionNumber), text(d, Tag.StudyID),
                text(d, Tag.StudyDescription), name(d, Tag.ReferringPhysicianName), text(d, Tag.InstitutionName));
        var series = new InstanceRecord.Series(text(d, Tag.SeriesInstanceUID), text(d, Tag.Modality),
                integer(d, Tag.SeriesNumber), text(d, Tag.SeriesDescription), text(d, Tag.BodyPartExamined),
                date(d, Tag.SeriesDate), time(d, Tag.SeriesTime));
        var instance = new InstanceRecord.Instance(text(d, Tag.SOPInstanceUID), text(d, Tag.SOPClassUID),
                integer(d, Tag.InstanceNumber), integer(d, Tag.NumberOfFrames), integer(d, Tag.Rows),
                integer(d, Tag.Columns), acquisitionDateTime(d));
        return new InstanceRecord(patient, study, series, instance, stored, arrival, null, null);
    }

    /** The first value, or null when absent or empty. */
    private static String text(Dataset d, int tag) {
        String value = d.getString(tag);
        return value == null || value.isEmpty() ? null : value;
    }

    private static PersonName name(Dataset d, int tag) {
        PersonName name = d.getPersonName(tag);
        return name == null || name.isEmpty() ? null : name;
    }

    private static LocalDate date(Dataset d, int tag) {
        return DicomDateTimes.parseDate(text(d, tag));
    }

    private static LocalTime time(Dataset d, int tag) {
        return DicomDateTimes.parseTime(text(d, tag));
    }

    private static Integer integer(Dataset d, int tag) {
        try {
            long[] values = d.getLongs(tag);
            return values.length == 0 || values[0] > Integer.MAX_VALUE || values[0] < Integer.MIN_VALUE
                    ? null : (int) values[0];
        } catch (NumberFormatException | IllegalStateException e) {
            // Not a number (IS "abc") or not an integer VR: left out, as InstanceRecord.fromDataset documents.
            return null;
        }
    }

    /** Acquisition DateTime, else Acquisition Date with Acquisition Time (midnight if only the date is known). */
    private static LocalDateTime acquisitionDateTime(Dataset d) {
        LocalDateTime dateTime = DicomDateTimes.parseDateTime(text(d, Tag.AcquisitionDateTime));
        if (dateTime != null) {
            return dateTime;
        }
        LocalDate date = date(d, Tag.AcquisitionDate);
        if (date == null) {
            return null;
        }
        LocalTime time = time(d, Tag.AcquisitionTime);
        return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }
}
