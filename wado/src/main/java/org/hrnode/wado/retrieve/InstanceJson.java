package org.hrnode.wado.retrieve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.metadata.InstanceMetadataIndex.InstanceMetadata;

/**
 * Turns the DICOM JSON the index keeps of an instance into what WADO-RS metadata returns (PS3.18 §10.4.1.2). The
 * stored JSON has bulk values as {@code BulkDataURI}s relative to the instance ({@code bulkdata/<path>}, written at
 * ingest) and no Pixel Data: the header was read up to it, so nothing at top level follows it. Here the relative
 * URIs become absolute — clients such as OHIF run on another origin and fetch them as given — and images get a
 * Pixel Data attribute whose {@code BulkDataURI} is the instance's bulkdata endpoint for (7FE0,0010).
 *
 * <p>Works on the JSON text without parsing it: the writer that produced it is compact and escapes every quote
 * inside values, so the key sequence {@code "BulkDataURI":"bulkdata/} occurs only as that key's value, and Pixel
 * Data, the last attribute a header can reach, is appended before the closing brace to keep tag order. An object
 * is taken for an image when Rows and Columns appear in its JSON.
 */
final class InstanceJson {

    private static final String RELATIVE_BULK_DATA = "\"BulkDataURI\":\"bulkdata/";
    private static final String ROWS = "\"" + Tags.toHex(Tag.Rows) + "\":";
    private static final String COLUMNS = "\"" + Tags.toHex(Tag.Columns) + "\":";
    private static final String PIXEL_DATA = Tags.toHex(Tag.PixelData);

    private InstanceJson() {
    }

    /** The metadata of one instance as WADO-RS returns it, for a service at {@code baseUri} (no trailing slash). */
    static String of(InstanceMetadata instance, String baseUri) {
        StoredInstanceRef ref = instance.ref();
        String bulkData = instanceUri(ref, baseUri) + "/bulkdata/";
        String json = instance.json() != null ? instance.json() : identifying(ref);
        json = json.replace(RELATIVE_BULK_DATA, "\"BulkDataURI\":\"" + bulkData);
        if (!json.contains(ROWS) || !json.contains(COLUMNS)) {
            return json;
        }
        boolean encapsulated = TransferSyntax.orDefault(ref.transferSyntaxUid()).isEncapsulated();
        String pixelData = "\"" + PIXEL_DATA + "\":{\"vr\":\"" + (encapsulated ? "OB" : "OW")
                + "\",\"BulkDataURI\":\"" + bulkData + PIXEL_DATA + "\"}";
        int end = json.lastIndexOf('}');
        boolean empty = json.substring(0, end).strip().equals("{");
        return json.substring(0, end) + (empty ? "" : ",") + pixelData + json.substring(end);
    }

    static String instanceUri(StoredInstanceRef ref, String baseUri) {
        return baseUri + "/studies/" + ref.studyInstanceUid() + "/series/" + ref.seriesInstanceUid()
                + "/instances/" + ref.sopInstanceUid();
    }

    /** Writes the instances' metadata as one JSON array, element by element. */
    static final class ArrayWriter {
        private final OutputStream out;
        private final String baseUri;
        private long written;
        private int count;

        ArrayWriter(OutputStream out, String baseUri) throws IOException {
            this.out = out;
            this.baseUri = baseUri;
            write("[");
        }

        void add(InstanceMetadata instance) throws IOException {
            write(count++ == 0 ? of(instance, baseUri) : "," + of(instance, baseUri));
        }

        /** Closes the array; returns the bytes written in all. */
        long finish() throws IOException {
            write("]");
            return written;
        }

        int count() {
            return count;
        }

        private void write(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            written += bytes.length;
        }
    }

    /** For an instance whose JSON the index lacks: the UIDs that identify it. */
    private static String identifying(StoredInstanceRef ref) {
        return "{\"" + Tags.toHex(Tag.SOPClassUID) + "\":{\"vr\":\"UI\",\"Value\":[\"" + ref.sopClassUid() + "\"]},"
                + "\"" + Tags.toHex(Tag.SOPInstanceUID) + "\":{\"vr\":\"UI\",\"Value\":[\"" + ref.sopInstanceUid()
                + "\"]},\"" + Tags.toHex(Tag.StudyInstanceUID) + "\":{\"vr\":\"UI\",\"Value\":[\""
                + ref.studyInstanceUid() + "\"]},\"" + Tags.toHex(Tag.SeriesInstanceUID)
                + "\":{\"vr\":\"UI\",\"Value\":[\"" + ref.seriesInstanceUid() + "\"]}}";
    }
}
