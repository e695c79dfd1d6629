package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The DICOMweb client checks against the node, configured as a hospital would for OHIF on another origin: the
 * viewer's origin in {@code cors-allowed-origins}, nothing else changed. Images arrive over DIMSE (storescu), the
 * node's ordinary ingest path, so DICOMweb serves what the node stored and compressed, not what it was sent.
 */
class DicomWebClientsNodeTest extends DicomWebClientsContract {

    private NodeUnderTest node;
    private int viewerPort;

    @Override
    void startServer(Path dir) throws Exception {
        PeerProcess.require("storescu");
        viewerPort = OrthancPeer.freePort();
        node = NodeUnderTest.start(dir, "--cors-allowed-origins", viewerOrigin())
                .allowCallers(DcmtkRoundTrip.STORE_AE_TITLE);
    }

    private String viewerOrigin() {
        return "http://" + NodeUnderTest.LOOPBACK + ":" + viewerPort;
    }

    @Override
    void stopServer() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Override
    String dicomWebRoot() {
        return "http://" + NodeUnderTest.LOOPBACK + ":" + node.node().httpPort() + "/dicomweb";
    }

    /** WADO-URI is not part of the DICOMweb root: {@code http://HOST:PORT/wado}, as in Orthanc and older archives. */
    @Override
    String wadoUriEndpoint() {
        return "http://" + NodeUnderTest.LOOPBACK + ":" + node.node().httpPort() + "/wado";
    }

    @Override
    void load(List<Path> files) throws Exception {
        StoreScu.Report report = StoreScu.send(node.port(), DcmtkRoundTrip.STORE_AE_TITLE, files, work);
        assertThat(files).allSatisfy(f -> assertThat(report.answerFor(f).isSuccess()).as(f.toString()).isTrue());
    }

    @Override
    boolean answersCors() {
        return true;
    }

    @Override
    int viewerPort() {
        return viewerPort;
    }

    /**
     * Disabled until the node serves it: asked for {@code multipart/related; type="application/octet-stream"} (no
     * transfer-syntax parameter, so Explicit VR Little Endian, PS3.18 8.7.3.5.2), the Pixel Data bulk data of an image
     * the node stored compressed comes as the JPEG-LS codestream ({@code application/octet-stream;
     * transfer-syntax=1.2.840.10008.1.2.4.80}), not the native pixels. Frames are served right.
     */
    @Override
    @Test
    @Disabled("node sends compressed Pixel Data bulk data to a client that did not accept it (see javadoc)")
    void instanceMetadataLeadsToThePixelDataAsBulkData() throws Exception {
        super.instanceMetadataLeadsToThePixelDataAsBulkData();
    }

    /**
     * Disabled until the node serves it: WADO-URI is at {@code /wado}, outside {@code /dicomweb}, and the CORS
     * filter answers only {@code /dicomweb}, so OHIF on another origin gets no Access-Control-Allow-Origin for its
     * WADO-URI image requests (Chromium: net::ERR_FAILED). Either CORS for {@code /wado} too or WADO-URI under
     * {@code /dicomweb/wado} would do.
     */
    @Override
    @Test
    @Disabled("WADO-URI (/wado) answers no CORS, so OHIF on another origin cannot load images from it (see javadoc)")
    void ohifDrawsTheCtStudyFromWadoUri() throws Exception {
        super.ohifDrawsTheCtStudyFromWadoUri();
    }

    /**
     * A Chinese name finds the studies that carry it, in the ideographic group (chrX1) or in the first group
     * (the UTF-8 copy), and not the simplified-character 王^小东. Orthanc cannot: it matches names as one string
     * folded to ASCII.
     */
    @Test
    void studySearchByChineseNameFindsTheStudiesWithThatName() throws Exception {
        JsonNode found = client.json("searchForStudies", DicomWebClientPeer.options()
                .set("queryParams", DicomWebClientPeer.options().put("PatientName", "王^小東")));
        assertThat(texts(found, "0020000D")).containsExactlyInAnyOrder(uid(chrX1, Tag.StudyInstanceUID),
                uid(chineseFirstGroupUtf8, Tag.StudyInstanceUID));
    }
}
