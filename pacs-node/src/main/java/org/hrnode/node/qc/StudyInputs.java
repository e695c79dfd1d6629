package org.hrnode.node.qc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.aiqc.pipeline.InstanceInput;
import org.hrnode.aiqc.pipeline.Recognition;
import org.hrnode.aiqc.pipeline.StudyFacts;
import org.hrnode.aiqc.pipeline.StoredObjectSource;
import org.hrnode.aiqc.pipeline.StudyInput;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.dicom.json.DicomJsonReader;
import org.hrnode.storage.blob.BlobNotFoundException;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.qc.InstitutionRecognitions;
import org.hrnode.storage.qc.QcStudySnapshot;

/**
 * Turns what the index holds of a study into what the QC port and the eligibility rule take: the assessor's
 * {@link StudyInput} (headers parsed from the stored DICOM JSON, objects opened from the blob store on demand) and
 * the rule's {@link StudyFacts}.
 */
public final class StudyInputs {

    /** Lossy Image Compression (0028,2110) "01": the pixels went through lossy compression at some point. */
    private static final String LOSSY = "01";
    private static final String LATE = "LATE";

    /**
     * Values the metadata left out (Pixel Data, other large binary values) stay where they are, in the stored
     * object, which {@link InstanceInput#object()} opens. The header holds a reference of unknown length to them.
     */
    private static final DicomJsonReader READER = new DicomJsonReader()
            .withBulkDataResolver((path, vr, uri) -> new BulkData(URI.create(uri), 0, 0));

    private final Index index;
    private final BlobStore blobs;
    private final InstitutionRecognitions recognitions;
    private final ZoneId zone;

    public StudyInputs(Index index, BlobStore blobs, InstitutionRecognitions recognitions, ZoneId zone) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.recognitions = Objects.requireNonNull(recognitions, "recognitions");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A study whose stored header cannot be read is not judged: the instance must be repaired or resent. */
    public static final class UnreadableHeader extends Exception {
        UnreadableHeader(String message, Throwable cause) {
            super(message, cause);
        }
    }

    StudyInput input(QcStudySnapshot study) throws UnreadableHeader {
        List<InstanceInput> instances = new ArrayList<>();
        for (QcStudySnapshot.Instance i : study.instances()) {
            instances.add(new InstanceInput(i.seriesInstanceUid(), i.sopInstanceUid(), i.transferSyntaxUid(),
                    header(i), new BlobObject(i)));
        }
        return new StudyInput(study.studyInstanceUid(), study.institutionCode(), instances);
    }

    StudyFacts facts(QcStudySnapshot study, StudyInput input) {
        boolean lossless = true;
        boolean late = false;
        Instant earliest = null;
        for (int n = 0; n < study.instances().size(); n++) {
            QcStudySnapshot.Instance i = study.instances().get(n);
            Dataset header = input.instances().get(n).header();
            lossless &= TransferSyntax.orDefault(i.transferSyntaxUid()).isLossless()
                    && !LOSSY.equals(header.getString(Tag.LossyImageCompression));
            late |= LATE.equals(i.timeliness());
            if (i.acquiredAt() != null && (earliest == null || i.acquiredAt().isBefore(earliest))) {
                earliest = i.acquiredAt();
            }
        }
        LocalDate examDate = study.studyDate() != null ? study.studyDate()
                : earliest == null ? null : LocalDate.ofInstant(earliest, zone);
        List<Recognition> recognised = study.institutionCode() == null ? List.of()
                : recognitions.of(study.institutionCode()).stream()
                        .map(e -> new Recognition(e.itemNo(), e.from(), e.until())).toList();
        return new StudyFacts(study.institutionCode(), examDate, lossless, late, recognised);
    }

    /**
     * The instance's stored object, whole or in ranges. Compression may have replaced the blob the snapshot named
     * (and deleted it) since the study was read: then the instance's current blob is opened; same pixels, losslessly
     * re-encoded. A range comes from the blob the last whole open read, since
     * offsets belong to that encoding; when compression has deleted it since, the ranged read fails and the assessor
     * reads the object whole again.
     */
    private final class BlobObject implements StoredObjectSource {

        private final QcStudySnapshot.Instance instance;
        private volatile String opened;

        BlobObject(QcStudySnapshot.Instance instance) {
            this.instance = instance;
            this.opened = instance.blobKey();
        }

        @Override
        public InputStream open() throws IOException {
            try {
                InputStream in = blobs.get(instance.blobKey());
                opened = instance.blobKey();
                return in;
            } catch (BlobNotFoundException e) {
                Optional<StoredInstanceRef> current = index.instancesOf(QueryLevel.IMAGE, instance.sopInstanceUid())
                        .stream().findFirst().filter(ref -> !ref.blobKey().equals(instance.blobKey()));
                if (current.isEmpty()) {
                    throw e;
                }
                opened = current.get().blobKey();
                return blobs.get(opened);
            }
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            return blobs.get(opened, offset, length);
        }
    }

    private static Dataset header(QcStudySnapshot.Instance i) throws UnreadableHeader {
        if (i.metadataJson() == null) {
            throw new UnreadableHeader("instance " + i.sopInstanceUid() + " has no stored header metadata", null);
        }
        try {
            return READER.read(i.metadataJson());
        } catch (DicomJsonException e) {
            throw new UnreadableHeader("the stored header of instance " + i.sopInstanceUid() + " does not parse: "
                    + e.getMessage(), e);
        }
    }
}
