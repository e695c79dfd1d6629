package org.hrnode.wado.testing;

import java.lang.reflect.Proxy;
import org.hrnode.storage.metadata.InstanceMetadataIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.wado.DicomWebContext;
import org.hrnode.wado.DicomWebSettings;

/**
 * Stored objects for DICOMweb resource tests without a database: an in-memory blob store and an index that knows
 * only what retrieval asks ({@link Index#instancesOf}), in the order instances were added. The node's tests cover
 * the same resources over the real PostgreSQL index.
 */
public final class StoredStudies implements Index {

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final List<StoredInstanceRef> refs = new ArrayList<>();
    private final Set<String> marked = new HashSet<>();

    /** Stores a file as it is on disk, with the UIDs it carries. */
    public StoredInstanceRef add(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DicomFile parsed;
        try {
            parsed = DicomReader.read(new ByteArrayInputStream(bytes));
        } catch (DicomParseException e) {
            throw new IOException(e);
        }
        return put(parsed.dataset(), parsed.transferSyntax(), bytes);
    }

    /** Stores a data set as a Part 10 file in {@code syntax} (native syntaxes only). */
    public StoredInstanceRef add(Dataset dataset, TransferSyntax syntax) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writeFileMetaInformation(FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                    dataset.getString(Tag.SOPInstanceUID), syntax.uid()));
            writer.writeDataset(dataset, syntax);
        }
        return put(dataset, syntax, out.toByteArray());
    }

    private StoredInstanceRef put(Dataset dataset, TransferSyntax syntax, byte[] bytes) throws IOException {
        String sop = dataset.getString(Tag.SOPInstanceUID);
        String key = BlobKeys.forInstance(sop);
        PutResult put = blobs.put(key, new ByteArrayInputStream(bytes));
        StoredInstanceRef ref = new StoredInstanceRef(dataset.getString(Tag.StudyInstanceUID),
                dataset.getString(Tag.SeriesInstanceUID), dataset.getString(Tag.SOPClassUID), sop, syntax.uid(), key,
                put.size(), put.sha256(), 1);
        refs.add(ref);
        return ref;
    }

    public StoredStudies markHr(String studyInstanceUid) {
        marked.add(studyInstanceUid);
        return this;
    }

    public InMemoryBlobStore blobs() {
        return blobs;
    }

    /** Rendering and WADO-URI read the index and blobs only; WADO-RS metadata documents are not faked. */
    public DicomWebContext context() {
        return new DicomWebContext(this, blobs, NO_METADATA, marked::contains, DicomWebSettings.defaults());
    }

    private static final InstanceMetadataIndex NO_METADATA = (InstanceMetadataIndex) Proxy.newProxyInstance(
            InstanceMetadataIndex.class.getClassLoader(), new Class<?>[] {InstanceMetadataIndex.class},
            (proxy, method, args) -> {
                if (method.getReturnType() == void.class) {
                    return null; // a settle listener or close: nothing ever settles here
                }
                throw new UnsupportedOperationException("these tests serve no WADO-RS metadata: " + method.getName());
            });

    /** A data set with the identifying attributes of an image in a study and series. */
    public static Dataset image(String study, String series, String sop) {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, sop);
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        return d;
    }

    /**
     * A 64×64 12-bit MONOCHROME2 image of one grey {@code value}, windowed 0..4095 linear-exact in the object, so
     * that a rendering shows {@code value} as {@code round(value × 255 / 4095)}.
     */
    public static Dataset flatImage(String study, String series, String sop, int value) {
        Dataset d = image(study, series, sop);
        d.setInts(Tag.Rows, VR.US, 64);
        d.setInts(Tag.Columns, VR.US, 64);
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, 12);
        d.setInts(Tag.HighBit, VR.US, 11);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setString(Tag.WindowCenter, VR.DS, "2047.5");
        d.setString(Tag.WindowWidth, VR.DS, "4095");
        d.setString(Tag.VOILUTFunction, VR.LO, "LINEAR_EXACT");
        byte[] pixels = new byte[64 * 64 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) value;
            pixels[i + 1] = (byte) (value >> 8);
        }
        d.set(Tag.PixelData, VR.OW, pixels);
        return d;
    }

    @Override
    public List<StoredInstanceRef> instancesOf(QueryLevel level, List<String> keys) {
        Function<StoredInstanceRef, String> key = switch (level) {
            case STUDY -> StoredInstanceRef::studyInstanceUid;
            case SERIES -> StoredInstanceRef::seriesInstanceUid;
            case IMAGE -> StoredInstanceRef::sopInstanceUid;
            case PATIENT -> throw new UnsupportedOperationException("patient-level retrieval is not rendered");
        };
        return refs.stream().filter(r -> keys.contains(key.apply(r))).toList();
    }

    @Override
    public StoreOutcome recordInstance(InstanceRecord record) {
        throw new UnsupportedOperationException("rendering never records instances");
    }

    @Override
    public QueryResults query(Query query) {
        throw new UnsupportedOperationException("rendering never queries");
    }

    @Override
    public Set<Integer> returnableAt(QueryLevel level) {
        throw new UnsupportedOperationException("rendering never queries");
    }

    @Override
    public Set<Integer> matchableAt(QueryLevel level) {
        throw new UnsupportedOperationException("rendering never queries");
    }
}
