package org.hrnode.wado.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.testing.StoredStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WADO-URI over stored objects: the stored bytes as they are, transcoding, rendering, and refusals with reasons. */
class WadoUriResourceTest {

    private Path jpegLs;
    private StoredStudies stored;
    private StoredInstanceRef compressed;
    private StoredInstanceRef uncompressed;
    private WadoUriResource wado;

    @BeforeEach
    void store() throws Exception {
        jpegLs = TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm");
        stored = new StoredStudies();
        compressed = stored.add(jpegLs);
        uncompressed = stored.add(StoredStudies.flatImage("1.2.3.9", "1.2.3.9.1", "1.2.3.9.1.1", 1000),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        stored.markHr("1.2.3.9");
        wado = new WadoUriResource(stored.context());
    }

    @Test
    void dicomInTheStoredSyntaxIsTheStoredBytes() throws Exception {
        byte[] body = body(get(compressed, "application/dicom", compressed.transferSyntaxUid(), null, null));

        assertThat(body).isEqualTo(Files.readAllBytes(jpegLs));
    }

    @Test
    void dicomInAnySyntaxIsTheStoredBytesAsOhifAsksForThem() throws Exception {
        byte[] body = body(get(compressed, "application/dicom", "*", null, null));

        assertThat(body).isEqualTo(Files.readAllBytes(jpegLs));
    }

    @Test
    void dicomWithoutATransferSyntaxIsExplicitLittleEndianWithTheSamePixels() throws Exception {
        TestData.require(Codecs.isAvailable(TransferSyntax.JPEG_LS_LOSSLESS), "CharLS (libcharls2)");
        byte[] body = body(get(compressed, "application/dicom", null, null, null));

        DicomFile sent = DicomReader.read(new ByteArrayInputStream(body));
        DicomFile original = DicomReader.readFile(TestData.pydicomTestFiles().resolve("MR_small.dcm"));
        assertThat(sent.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(sent.dataset().getString(Tag.SOPInstanceUID)).isEqualTo(compressed.sopInstanceUid());
        assertThat(sent.dataset().getBytes(Tag.PixelData)).isEqualTo(original.dataset().getBytes(Tag.PixelData));
    }

    @Test
    void uncompressedStoredObjectsAreSentAsStoredByDefault() throws Exception {
        byte[] body = body(get(uncompressed, "application/dicom", null, null, null));

        assertThat(body).isEqualTo(stored.blobs().get(uncompressed.blobKey()).readAllBytes());
    }

    @Test
    void imagesAreJpegByDefaultAndPngOnRequestSizedByRowsAndColumns() throws Exception {
        Response jpeg = get(compressed, null, null, null, null);
        Response png = get(compressed, "image/png", null, "32", null);

        assertThat(jpeg.getMediaType().toString()).isEqualTo("image/jpeg");
        assertThat(((byte[]) jpeg.getEntity())).startsWith((byte) 0xFF, (byte) 0xD8);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream((byte[]) png.getEntity()));
        assertThat(png.getMediaType().toString()).isEqualTo("image/png");
        assertThat(small.getHeight()).isEqualTo(32);
        assertThat(small.getWidth()).isEqualTo(32);
    }

    @Test
    void windowParametersChangeTheImageAndMarkedStudiesCarryTheMark() throws Exception {
        BufferedImage windowed = png(wado.get("WADO", "1.2.3.9", "1.2.3.9.1", "1.2.3.9.1.1", "image/png", null, null,
                null, null, "1000", "1", null, null, null, null, null));
        BufferedImage own = png(wado.get("WADO", "1.2.3.9", "1.2.3.9.1", "1.2.3.9.1.1", "image/png", null, null,
                null, null, null, null, null, null, null, null, null));

        assertThat(windowed.getRaster().getSample(5, 60, 0)).isEqualTo(255);
        assertThat(own.getRaster().getSample(5, 60, 0)).isEqualTo(Math.round(1000 * 255 / 4095f));
        assertThat(own.getRaster().getSample(60, 4, 0)).as("mark in the upper right")
                .isNotEqualTo(own.getRaster().getSample(5, 60, 0));
    }

    @Test
    void missingOrMalformedParametersAre400() {
        String study = compressed.studyInstanceUid();
        String series = compressed.seriesInstanceUid();
        String sop = compressed.sopInstanceUid();
        assertStatus(() -> wado.get(null, study, series, sop, null, null, null, null, null, null, null, null, null,
                null, null, null), 400, "requestType must be WADO");
        assertStatus(() -> wado.get("WADO", null, series, sop, null, null, null, null, null, null, null, null, null,
                null, null, null), 400, "Study Instance UID is required");
        assertStatus(() -> wado.get("WADO", study, series, "1.2.x;DROP TABLE", null, null, null, null, null, null,
                null, null, null, null, null, null), 400, "not a DICOM UID");
        assertStatus(() -> get(compressed, null, null, "0", null), 400, "rows must be at least 1");
        assertStatus(() -> get(compressed, null, null, null, "abc"), 400, "frameNumber must be an integer");
        assertStatus(() -> wado.get("WADO", study, series, sop, null, null, null, null, null, "100", null, null, null,
                null, null, null), 400, "go together");
        assertStatus(() -> wado.get("WADO", study, series, sop, "application/dicom", null, null, "64", null, null,
                null, null, null, null, null, null), 400, "image content types");
        assertStatus(() -> wado.get("WADO", study, series, sop, null, null, null, null, null, null, null, null,
                "0.1,0.1,0.5,0.5", null, null, null), 400, "region is not supported");
        assertStatus(() -> get(compressed, null, null, null, "2"), 400, "frame 2");
    }

    @Test
    void unknownObjectsAre404() {
        assertStatus(() -> wado.get("WADO", compressed.studyInstanceUid(), compressed.seriesInstanceUid(),
                "1.2.3.4.5", null, null, null, null, null, null, null, null, null, null, null, null), 404,
                "no instance 1.2.3.4.5");
        assertStatus(() -> wado.get("WADO", "1.2.3.4", compressed.seriesInstanceUid(), compressed.sopInstanceUid(),
                null, null, null, null, null, null, null, null, null, null, null, null), 404, "no instance");
    }

    @Test
    void contentTypesAndSyntaxesThisNodeCannotProduceAre406() {
        assertStatus(() -> get(compressed, "image/gif", null, null, null), 406, "image/gif");
        assertStatus(() -> get(compressed, "application/dicom", TransferSyntax.JPEG_BASELINE_8BIT.uid(), null, null),
                406, "does not encode");
    }

    private Response get(StoredInstanceRef ref, String contentType, String transferSyntax, String rows,
            String frameNumber) {
        return wado.get("WADO", ref.studyInstanceUid(), ref.seriesInstanceUid(), ref.sopInstanceUid(), contentType,
                transferSyntax, frameNumber, rows, null, null, null, null, null, null, null, null);
    }

    private static byte[] body(Response response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("application/dicom");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toByteArray();
    }

    private static BufferedImage png(Response response) throws Exception {
        return ImageIO.read(new ByteArrayInputStream((byte[]) response.getEntity()));
    }

    private static void assertStatus(ThrowingCallable call, int status, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(status);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
