package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.testing.StoredStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rendered and thumbnail resources over stored objects: lookup, parameters, errors, the HR mark by study. */
class RenderedResourceTest {

    private static final String STUDY = "1.2.826.0.1.3680043.10.1.1";
    private static final String MARKED_STUDY = "1.2.826.0.1.3680043.10.1.2";
    private static final String SERIES = STUDY + ".1";
    private static final int[] SERIES_VALUES = {0, 1000, 2000, 3000, 4095};

    private StoredStudies stored;
    private RenderedResource resource;
    private StoredInstanceRef ct;
    private StoredInstanceRef markedCt;

    @BeforeEach
    void store() throws Exception {
        stored = new StoredStudies();
        for (int i = 0; i < SERIES_VALUES.length; i++) {
            stored.add(StoredStudies.flatImage(STUDY, SERIES, SERIES + "." + (i + 1), SERIES_VALUES[i]),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        ct = stored.add(ctSmall(STUDY, STUDY + ".2", STUDY + ".2.1"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        markedCt = stored.add(ctSmall(MARKED_STUDY, MARKED_STUDY + ".1", MARKED_STUDY + ".1.1"),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        stored.markHr(MARKED_STUDY);
        resource = new RenderedResource(stored.context());
    }

    @Test
    void anInstanceRendersAsJpegByDefault() throws Exception {
        Response r = resource.instance(STUDY, ct.seriesInstanceUid(), ct.sopInstanceUid(), null, null, null, null,
                null);

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getMediaType().toString()).isEqualTo("image/jpeg");
        BufferedImage image = Images.decode((byte[]) r.getEntity());
        assertThat(image.getWidth()).isEqualTo(128);
    }

    @Test
    void pngViewportAndWindowParametersApply() throws Exception {
        Response r = resource.frame(STUDY, ct.seriesInstanceUid(), ct.sopInstanceUid(), "1", "40,400,linear",
                "64,64", null, "image/png", null);

        assertThat(r.getMediaType().toString()).isEqualTo("image/png");
        BufferedImage image = Images.decode((byte[]) r.getEntity());
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
    }

    @Test
    void onlyMarkedStudiesCarryTheMark() throws Exception {
        BufferedImage plain = Images.decode((byte[]) resource.instance(STUDY, ct.seriesInstanceUid(),
                ct.sopInstanceUid(), null, null, null, "image/png", null).getEntity());
        BufferedImage marked = Images.decode((byte[]) resource.instance(MARKED_STUDY,
                markedCt.seriesInstanceUid(), markedCt.sopInstanceUid(), null, null, null, "image/png", null)
                .getEntity());
        BufferedImage markedThumbnail = Images.decode((byte[]) resource.studyThumbnail(MARKED_STUDY, null, null,
                "image/png", null).getEntity());
        BufferedImage plainThumbnail = Images.decode((byte[]) resource.instanceThumbnail(STUDY,
                ct.seriesInstanceUid(), ct.sopInstanceUid(), null, null, "image/png", null).getEntity());

        Rectangle changed = RendererTest.changedArea(plain, marked);
        assertThat(changed.isEmpty()).isFalse();
        assertThat(changed.x).isGreaterThan(plain.getWidth() / 2);
        assertThat(RendererTest.changedArea(plainThumbnail, markedThumbnail).isEmpty()).isFalse();
    }

    @Test
    void seriesThumbnailIsTheMiddleImageAndStudyThumbnailTheFirstSeries() throws Exception {
        BufferedImage series = Images.decode((byte[]) resource.seriesThumbnail(STUDY, SERIES, null, null,
                "image/png", null).getEntity());
        BufferedImage study = Images.decode((byte[]) resource.studyThumbnail(STUDY, "32,32", null, "image/png",
                null).getEntity());

        assertThat(series.getWidth()).isEqualTo(RenderedResource.THUMBNAIL_SIZE);
        assertThat(series.getRaster().getSample(10, 100, 0)).isEqualTo(Math.round(2000 * 255 / 4095f));
        assertThat(study.getWidth()).isEqualTo(32);
        assertThat(study.getRaster().getSample(5, 20, 0)).isEqualTo(Math.round(2000 * 255 / 4095f));
    }

    @Test
    void seriesAndStudyRenderedAreMultipartWithOneImagePerInstance() throws Exception {
        stored.add(StoredStudies.image(STUDY, STUDY + ".3", STUDY + ".3.1"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        List<byte[]> series = parts(resource.series(STUDY, SERIES, null, "32,32", null,
                "multipart/related; type=\"image/png\"", null), "image/png");
        List<byte[]> study = parts(resource.study(STUDY, null, null, null, null, null), "image/jpeg");

        assertThat(series).hasSize(SERIES_VALUES.length);
        for (int i = 0; i < series.size(); i++) {
            BufferedImage part = Images.decode(series.get(i));
            assertThat(part.getWidth()).isEqualTo(32);
            assertThat(part.getRaster().getSample(5, 20, 0)).isEqualTo(Math.round(SERIES_VALUES[i] * 255 / 4095f));
        }
        assertThat(study).as("five flat images and CT_small; the object without pixels left out").hasSize(6);
        assertStatus(() -> resource.series(STUDY, STUDY + ".3", null, null, null, null, null), 404,
                "no image of series");
    }

    @Test
    void unknownOrMismatchedUidsAre404() {
        assertStatus(() -> resource.instance(STUDY, SERIES, "1.2.3.4", null, null, null, null, null), 404,
                "no instance 1.2.3.4");
        assertStatus(() -> resource.instance(MARKED_STUDY, ct.seriesInstanceUid(), ct.sopInstanceUid(), null, null,
                null, null, null), 404, "no instance");
        assertStatus(() -> resource.studyThumbnail("1.2.3", null, null, null, null), 404, "no study");
        assertStatus(() -> resource.seriesThumbnail(STUDY, "1.2.3", null, null, null, null), 404, "no series");
    }

    @Test
    void malformedParametersAre400WithTheReason() {
        String series = ct.seriesInstanceUid();
        String sop = ct.sopInstanceUid();
        assertStatus(() -> resource.instance("../../etc/passwd", series, sop, null, null, null, null, null), 400,
                "not a DICOM UID");
        assertStatus(() -> resource.instance(STUDY, series, sop, "40", null, null, null, null), 400,
                "center,width");
        assertStatus(() -> resource.instance(STUDY, series, sop, "40,0,linear", null, null, null, null), 400,
                "too small");
        assertStatus(() -> resource.instance(STUDY, series, sop, "40,400,cubic", null, null, null, null), 400,
                "linear-exact");
        assertStatus(() -> resource.instance(STUDY, series, sop, null, "100000,10", null, null, null), 400,
                "viewport width and height");
        assertStatus(() -> resource.instance(STUDY, series, sop, null, "64,64,500,500,10,10", null, null, null), 400,
                "outside");
        assertStatus(() -> resource.instance(STUDY, series, sop, null, null, "0", null, null), 400, "quality");
        assertStatus(() -> resource.frame(STUDY, series, sop, "2", null, null, null, null, null), 400, "frame 2");
        assertStatus(() -> resource.frame(STUDY, series, sop, "1,2", null, null, null, null, null), 400,
                "one frame number");
    }

    @Test
    void unsupportedMediaTypesAre406() {
        assertStatus(() -> resource.instance(STUDY, ct.seriesInstanceUid(), ct.sopInstanceUid(), null, null, null,
                "image/gif", null), 406, "image/jpeg");
        assertThat(RenderParameters.format(null, List.of(MediaType.valueOf("image/png"),
                MediaType.valueOf("image/jpeg")))).isEqualTo(OutputFormat.PNG);
        assertThat(RenderParameters.format(null, List.of(MediaType.valueOf("multipart/related; type=\"image/png\""))))
                .isEqualTo(OutputFormat.PNG);
        assertThat(RenderParameters.format(null, List.of(MediaType.valueOf("image/webp"),
                MediaType.WILDCARD_TYPE))).isEqualTo(OutputFormat.JPEG);
        assertThatThrownBy(() -> RenderParameters.format(null, List.of(MediaType.valueOf("application/dicom"))))
                .isInstanceOfSatisfying(WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(406));
    }

    /** pydicom's CT_small.dcm (128×128 signed CT) under other UIDs. */
    static Dataset ctSmall(String study, String series, String sop) throws Exception {
        Dataset d = DicomReader.readFile(TestData.pydicomTestFiles().resolve("CT_small.dcm")).dataset();
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        d.setString(Tag.SOPInstanceUID, VR.UI, sop);
        return d;
    }

    /** The parts of a multipart/related response, each checked to be of {@code type}. */
    static List<byte[]> parts(Response response, String type) throws Exception {
        String contentType = response.getHeaderString("Content-Type");
        assertThat(contentType).startsWith("multipart/related; type=\"" + type + "\"; boundary=");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(body);
        byte[] bytes = body.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int at = text.indexOf("--" + boundary + "\r\n");
        while (at >= 0) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            String partHeaders = text.substring(at, headersEnd);
            assertThat(partHeaders).contains("Content-Type: " + type);
            int length = Integer.parseInt(partHeaders.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            parts.add(Arrays.copyOfRange(bytes, headersEnd + 4, headersEnd + 4 + length));
            at = text.indexOf("--" + boundary + "\r\n", headersEnd + 4 + length);
        }
        assertThat(text).endsWith("--" + boundary + "--\r\n");
        return parts;
    }

    static void assertStatus(ThrowingCallable call, int status, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(status);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
