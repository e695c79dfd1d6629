package org.hrnode.wado.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.dicom.json.DicomJsonReader;
import org.hrnode.dicom.xml.DicomXmlWriter;
import org.hrnode.storage.metadata.InstanceMetadataIndex.InstanceMetadata;

/**
 * The metadata of one instance as WADO-RS returns it in XML (PS3.18 §8.7.3, the Native DICOM Model of PS3.19):
 * what {@link InstanceJson} makes of the indexed DICOM JSON, its absolute BulkDataURIs kept as
 * {@code BulkData URI} references. One instance is converted at a time (a few kilobytes), so a study's metadata
 * streams part by part.
 */
final class InstanceXml {

    static final String DICOM_XML = "application/dicom+xml";

    /**
     * Reads the JSON with every BulkDataURI held as a reference to itself, which the XML writer passes on as
     * {@code BulkData URI} (it reads only {@code file:} references).
     */
    private static final DicomJsonReader READER = new DicomJsonReader()
            .withBulkDataResolver((path, vr, uri) -> new BulkData(URI.create(uri), 0, 0));
    private static final DicomXmlWriter WRITER = new DicomXmlWriter();

    private InstanceXml() {
    }

    /** The instance's metadata document for a service at {@code baseUri} (no trailing slash), UTF-8. */
    static byte[] of(InstanceMetadata instance, String baseUri) throws IOException {
        Dataset dataset;
        try {
            dataset = READER.read(InstanceJson.of(instance, baseUri));
        } catch (DicomJsonException e) {
            throw new IOException("the indexed metadata of instance " + instance.ref().sopInstanceUid()
                    + " is not DICOM JSON: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(dataset, out);
        return out.toByteArray();
    }
}
