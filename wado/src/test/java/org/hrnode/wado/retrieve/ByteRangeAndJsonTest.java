package org.hrnode.wado.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.BulkDataUriPolicy;
import org.hrnode.dicom.json.DicomJsonWriter;
import org.hrnode.dicom.json.JsonLayout;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.metadata.InstanceMetadataIndex.InstanceMetadata;
import org.junit.jupiter.api.Test;

/** HTTP byte ranges, and the instance JSON the index keeps turned into WADO-RS metadata. */
class ByteRangeAndJsonTest {

    private static final String BASE = "http://node:8080/dicomweb";

    @Test
    void rangesResolveAgainstTheValueLength() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-10", 1000)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 999));
        assertThat(ByteRange.parse("bytes=990-5000", 1000)).isEqualTo(new ByteRange(990, 999));
        assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isNull();
        assertThat(ByteRange.parse("items=0-1", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=9-1", 1000)).isNull();
        assertThat(ByteRange.parse(null, 1000)).isNull();
        assertThat(new ByteRange(10, 19).contentRange(1000)).isEqualTo("bytes 10-19/1000");
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(WebApplicationException.class)
                .matches(e -> ((WebApplicationException) e).getResponse().getStatus() == 416);
    }

    private static StoredInstanceRef ref(String ts) {
        return new StoredInstanceRef("1.2", "1.2.3", "1.2.840.10008.5.1.4.1.1.2", "1.2.3.4", ts, "k", 10,
                "0".repeat(64), 1);
    }

    /** The JSON ingest keeps: bulk values from 64 KiB as relative URIs, no Pixel Data. */
    private static String indexedJson(Dataset header) {
        return new DicomJsonWriter(BulkDataUriPolicy.aboveThreshold(65536, "bulkdata/{path}"), JsonLayout.COMPACT)
                .toJson(header);
    }

    @Test
    void imagesGetPixelDataLastAndBulkDataUrisBecomeAbsolute() {
        Dataset header = new Dataset();
        header.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        header.setInts(Tag.Rows, VR.US, 512);
        header.setInts(Tag.Columns, VR.US, 512);
        Dataset item = header.newSequence(Tag.IconImageSequence).addNewItem();
        item.setBytes(Tag.PixelData, VR.OB, new byte[70_000]);

        String json = InstanceJson.of(new InstanceMetadata(ref("1.2.840.10008.1.2.4.80"), indexedJson(header)), BASE);

        String instance = BASE + "/studies/1.2/series/1.2.3/instances/1.2.3.4/bulkdata/";
        assertThat(json).contains("\"BulkDataURI\":\"" + instance + "00880200/0/7FE00010\"");
        assertThat(json).endsWith(",\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"" + instance + "7FE00010\"}}");
        assertThat(InstanceJson.of(new InstanceMetadata(ref("1.2.840.10008.1.2.1"), indexedJson(header)), BASE))
                .contains("\"7FE00010\":{\"vr\":\"OW\"");
    }

    @Test
    void objectsWithoutAnImageGetNoPixelDataAndMissingJsonStillNamesTheInstance() {
        Dataset report = new Dataset();
        report.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");

        assertThat(InstanceJson.of(new InstanceMetadata(ref("1.2.840.10008.1.2.1"), indexedJson(report)), BASE))
                .isEqualTo(indexedJson(report));
        assertThat(InstanceJson.of(new InstanceMetadata(ref("1.2.840.10008.1.2.1"), null), BASE))
                .contains("\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]}")
                .contains("\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}");
    }
}
