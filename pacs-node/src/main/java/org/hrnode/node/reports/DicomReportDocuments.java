package org.hrnode.node.reports;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.node.quality.ResidentIdCard;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.reports.PostgresReports;
import org.hrnode.storage.reports.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports that arrive as DICOM objects (C-STORE or STOW-RS): an Encapsulated PDF or a Structured Report is attached
 * to its study's reports (PDF, findings text); a study without a report gets one made from the object's header, keyed
 * by the sender's institution and the accession number (else the SOP Instance UID). Such a report marks no item
 * recognisable: only the reporting institution says so, through {@code POST /api/reports}.
 */
public final class DicomReportDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DicomReportDocuments.class);
    static final Set<String> SOP_CLASSES = Set.of(UID.EncapsulatedPDFStorage, UID.BasicTextSRStorage,
            UID.EnhancedSRStorage, UID.ComprehensiveSRStorage, UID.Comprehensive3DSRStorage);
    private static final String OTHER_ID = "99";
    /** Report PDFs larger than this stay in the DICOM object only (the database row holds the copy). */
    static final int MAX_PDF_BYTES = 20 * 1024 * 1024;
    private static final int WRITTEN = 2;
    private static final int AUTHENTICATED = 3;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private final BlobStore blobs;
    private final PostgresReports reports;

    public DicomReportDocuments(BlobStore blobs, PostgresReports reports) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** An {@link org.hrnode.node.ingest.IngestService.StoredListener}: acts on report SOP classes only. */
    public void stored(String sopClassUid, String sopInstanceUid, String blobKey, String institutionCode)
            throws IOException {
        if (!SOP_CLASSES.contains(sopClassUid)) {
            return;
        }
        Dataset d;
        try (InputStream in = blobs.get(blobKey)) {
            d = DicomReader.read(in).dataset();
        } catch (DicomParseException e) {
            throw new IOException("report object " + sopInstanceUid + " cannot be read: " + e.getMessage(), e);
        }
        boolean isPdf = UID.EncapsulatedPDFStorage.equals(sopClassUid);
        byte[] pdf = isPdf ? d.getBytes(Tag.EncapsulatedDocument) : null;
        if (pdf != null && pdf.length > MAX_PDF_BYTES) {
            pdf = null;
        }
        String text = isPdf ? null : srText(d);
        String study = d.getString(Tag.StudyInstanceUID);
        int attached = reports.attachDocument(study, pdf, text);
        if (attached > 0) {
            LOG.info("event=report_document_attached sop_instance_uid={} reports={}", sopInstanceUid, attached);
            return;
        }
        String patientId = d.getString(Tag.PatientID);
        LocalDateTime performed = dateTime(d.getString(Tag.StudyDate), d.getString(Tag.StudyTime));
        if (institutionCode == null || patientId == null || performed == null) {
            LOG.info("event=report_document_unlinked sop_instance_uid={} reason=\"no report of the study yet, and"
                    + " the object lacks the sender's institution, Patient ID or Study Date to make one\"",
                    sopInstanceUid);
            return;
        }
        boolean verified = "VERIFIED".equals(d.getString(Tag.VerificationFlag));
        LocalDateTime content = dateTime(d.getString(Tag.ContentDate), d.getString(Tag.ContentTime));
        String accession = d.getString(Tag.AccessionNumber);
        String title = d.getString(Tag.DocumentTitle, d.getString(Tag.StudyDescription, "DICOM report"));
        String idType = ResidentIdCard.checksumValid(patientId) ? IdTypes.RESIDENT_ID_CARD : OTHER_ID;
        Report r = new Report(institutionCode, accession != null ? accession : sopInstanceUid,
                isPdf || !verified ? WRITTEN : AUTHENTICATED, idType, patientId, patientId, null, null, null, null,
                study, null, accession, d.getString(Tag.Modality), d.getString(Tag.Modality), title, performed, text,
                text, null, null, null, content, null, null, verified ? content : null, null, null, null, null, null,
                null, pdf, "dicom", List.of(new Report.Item(accession != null ? accession : sopInstanceUid, title,
                        null, null, false)));
        reports.save(r);
        LOG.info("event=report_from_dicom sop_instance_uid={} org={} state={}", sopInstanceUid, institutionCode,
                r.state());
    }

    /** The text values of an SR's content tree, in document order, one per line. */
    static String srText(Dataset d) {
        StringBuilder text = new StringBuilder();
        collect(d.getSequence(Tag.ContentSequence), text);
        return text.isEmpty() ? null : text.toString();
    }

    private static void collect(Sequence items, StringBuilder text) {
        if (items == null) {
            return;
        }
        for (Dataset item : items) {
            String value = item.getString(Tag.TextValue);
            if (value != null && !value.isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(value.strip());
            }
            collect(item.getSequence(Tag.ContentSequence), text);
        }
    }

    private static LocalDateTime dateTime(String da, String tm) {
        if (da == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(da.strip(), DA);
            String t = tm == null ? "" : tm.strip();
            LocalTime time = t.length() >= 6 ? LocalTime.of(Integer.parseInt(t.substring(0, 2)),
                    Integer.parseInt(t.substring(2, 4)), Integer.parseInt(t.substring(4, 6))) : LocalTime.MIDNIGHT;
            return date.atTime(time);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
