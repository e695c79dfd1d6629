package org.hrnode.node.fileimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestResult;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.IngestSource;

/**
 * Imports files one after another through the node's one ingest path ({@link IngestService}), exactly as if each
 * had arrived by C-STORE from its Source AE Title (or {@value #DEFAULT_SOURCE_AE}): same checks, same durability,
 * same duplicate and version handling. Files are taken in order, so when several carry one SOP Instance UID, the
 * last one with different bytes is the current version.
 *
 * <p>If storage becomes unavailable the import stops, since every following file would fail the same way.
 */
public final class FileImporter {

    /** Recorded as the sender of files whose meta names no Source AE Title. */
    public static final String DEFAULT_SOURCE_AE = "IMPORT";
    /** Refusal reason for a file that names no SOP Class or Instance UID. */
    static final String NO_SOP_UIDS = "no_sop_instance_uid";
    private static final String LOG_NAME = "import";

    /** Told about every file as it is finished; for progress and for naming each refusal. */
    public interface Listener {
        void finished(Path file, ImportSummary.Category category, String detail, ImportSummary soFar);
    }

    private final IngestService ingest;
    private final ReadOptions readOptions;
    private final Listener listener;

    public FileImporter(IngestService ingest, ReadOptions readOptions, Listener listener) {
        this.ingest = ingest;
        this.readOptions = readOptions;
        this.listener = listener;
    }

    public ImportSummary importAll(Iterable<Path> files) {
        ImportSummary summary = new ImportSummary();
        for (Path file : files) {
            if (!importOne(file, summary)) {
                summary.stopEarly();
                break;
            }
        }
        return summary;
    }

    /** Returns false when storage is unavailable and the import should stop. */
    private boolean importOne(Path file, ImportSummary summary) {
        long size = sizeOf(file);
        ImportableFile header;
        try {
            header = ImportableFile.read(file, readOptions);
        } catch (ImportableFile.NotDicomException e) {
            return finish(file, summary, ImportSummary.Category.NOT_DICOM, e.getMessage(), size);
        } catch (IOException e) {
            return refuse(file, summary, "unreadable", "cannot be read: " + e.getMessage(), size);
        }
        if (UID.MediaStorageDirectoryStorage.equals(header.sopClassUid())) {
            return finish(file, summary, ImportSummary.Category.DICOMDIR, "media directory, not an instance", size);
        }
        if (!header.identifiesAnInstance() && !header.part10()) {
            return finish(file, summary, ImportSummary.Category.NOT_DICOM,
                    "no DICM preamble, no File Meta Information and no SOP Instance UID", size);
        }
        if (!header.identifiesAnInstance()) {
            return refuse(file, summary, NO_SOP_UIDS,
                    "neither its meta nor its data set names a SOP Class UID and SOP Instance UID", size);
        }
        IngestSource source = new IngestSource(header.sourceAeTitle().orElse(DEFAULT_SOURCE_AE), LOG_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream dataSet = Channels.newInputStream(channel.position(header.dataSetOffset()))) {
            IngestResult result = ingest.ingest(source, header.sopClassUid(), header.sopInstanceUid(),
                    header.transferSyntaxUid(), dataSet);
            return finish(file, summary, ImportSummary.Category.of(result.outcome()), result.sopInstanceUid(),
                    size);
        } catch (IngestException e) {
            refuse(file, summary, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), size);
            return e.reason() != IngestException.Reason.STORAGE_UNAVAILABLE;
        } catch (IOException e) {
            return refuse(file, summary, "unreadable", "cannot be read: " + e.getMessage(), size);
        }
    }

    private boolean finish(Path file, ImportSummary summary, ImportSummary.Category category, String detail,
            long size) {
        summary.add(category, size);
        listener.finished(file, category, detail, summary);
        return true;
    }

    private boolean refuse(Path file, ImportSummary summary, String reason, String detail, long size) {
        summary.refused(reason, size);
        listener.finished(file, ImportSummary.Category.REFUSED, reason + ": " + detail, summary);
        return true;
    }

    /** For the byte count only: a file that cannot be sized cannot be read either, and is reported as such. */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
