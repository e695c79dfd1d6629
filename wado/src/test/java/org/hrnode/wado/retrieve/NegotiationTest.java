package org.hrnode.wado.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.Test;

/** Accept headers as DICOMweb clients send them, and what each makes the node send. */
class NegotiationTest {

    private static final String DICOM = "multipart/related; type=\"application/dicom\"";
    private static final String OCTET = "multipart/related; type=\"application/octet-stream\"";
    private static final TransferSyntax EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private static StoredInstanceRef stored(TransferSyntax ts) {
        return new StoredInstanceRef("1.2", "1.2.3", "1.2.840.10008.5.1.4.1.1.2", "1.2.3.4", ts.uid(), "k", 10,
                "0".repeat(64), 1);
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (WebApplicationException e) {
            return e.getResponse().getStatus();
        }
    }

    @Test
    void acceptEntriesAreOrderedByQualityKeepingHeaderOrderAmongEquals() {
        List<MediaRange> ranges = MediaRange.parseAccept(
                "image/jls;q=0.5, multipart/related; type=application/dicom; transfer-syntax=\"1.2.840.10008.1.2.5\","
                        + " */*;q=0.1, multipart/related;type=\"a,b\";q=0");

        assertThat(ranges).extracting(MediaRange::subtype).containsExactly("related", "jls", "*");
        assertThat(ranges.getFirst().param("transfer-syntax")).isEqualTo("1.2.840.10008.1.2.5");
        assertThat(ranges.getFirst().param("type")).isEqualTo("application/dicom");
        assertThat(MediaRange.parseAccept(null)).singleElement().matches(r -> r.admits("multipart", "related"));
        assertThat(status(() -> MediaRange.parseAccept("text"))).isEqualTo(400);
        assertThat(status(() -> MediaRange.parseAccept("*/*;q=high"))).isEqualTo(400);
    }

    @Test
    void storedBytesGoOutWhenTheirSyntaxOrAStarIsAccepted() {
        InstanceSyntaxes star = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM + "; transfer-syntax=*"));
        InstanceSyntaxes rle = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM + "; transfer-syntax="
                + TransferSyntax.RLE_LOSSLESS.uid()));

        assertThat(star.candidates(stored(TransferSyntax.JPEG_BASELINE_8BIT)))
                .containsExactly(TransferSyntax.JPEG_BASELINE_8BIT);
        assertThat(rle.candidates(stored(TransferSyntax.RLE_LOSSLESS))).containsExactly(TransferSyntax.RLE_LOSSLESS);
    }

    @Test
    void withoutTransferSyntaxTheDefaultIsExplicitLittleEndian() {
        InstanceSyntaxes plain = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM));

        assertThat(plain.accepted()).containsExactly(EXPLICIT_LE.uid());
        assertThat(plain.candidates(stored(TransferSyntax.RLE_LOSSLESS))).containsExactly(EXPLICIT_LE);
        assertThat(InstanceSyntaxes.fromAccept(MediaRange.parseAccept("*/*")).accepted())
                .containsExactly(EXPLICIT_LE.uid());
    }

    @Test
    void lossySyntaxesAreNeverProducedAndNotDecodableObjectsOnlyGoAsStored() {
        InstanceSyntaxes lossy = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM + "; transfer-syntax="
                + TransferSyntax.JPEG_BASELINE_8BIT.uid() + ", " + DICOM + "; transfer-syntax="
                + TransferSyntax.JPEG_2000.uid()));
        StoredInstanceRef notDecodable = new StoredInstanceRef("1.2", "1.2.3", "1.2.840.10008.5.1.4.1.1.2",
                "1.2.3.4", TransferSyntax.JPEG_LS_LOSSLESS.uid(), "k", 10, "0".repeat(64), 1, false);

        assertThat(lossy.candidates(stored(EXPLICIT_LE))).isEmpty();
        assertThat(InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM)).candidates(notDecodable)).isEmpty();
        assertThat(status(() -> InstanceSyntaxes.fromAccept(MediaRange.parseAccept("application/json"))))
                .isEqualTo(406);
    }

    @Test
    void losslessTargetsNeedAnEncoderHere() {
        InstanceSyntaxes jpegLs = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM + "; transfer-syntax="
                + TransferSyntax.JPEG_LS_LOSSLESS.uid()));
        InstanceSyntaxes jpegLossless = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(DICOM
                + "; transfer-syntax=" + TransferSyntax.JPEG_LOSSLESS_SV1.uid()));

        assertThat(jpegLs.candidates(stored(EXPLICIT_LE))).hasSize(
                Codecs.encoderFor(TransferSyntax.JPEG_LS_LOSSLESS).isPresent() ? 1 : 0);
        // no lossless JPEG encoder exists here: only decoders
        assertThat(jpegLossless.candidates(stored(EXPLICIT_LE))).isEmpty();
    }

    @Test
    void framesGoUncompressedAsStoredOrInTheImageTypeOfTheirCompression() {
        TransferSyntax rle = TransferSyntax.RLE_LOSSLESS;

        assertThat(FrameMediaTypes.choose(MediaRange.parseAccept(OCTET), rle, true))
                .isEqualTo(new FrameMediaTypes.Choice("application/octet-stream", true, EXPLICIT_LE.uid()));
        assertThat(FrameMediaTypes.choose(MediaRange.parseAccept(OCTET + "; transfer-syntax=*"), rle, true))
                .isEqualTo(new FrameMediaTypes.Choice("application/octet-stream", false, rle.uid()));
        assertThat(FrameMediaTypes.choose(MediaRange.parseAccept(OCTET + "; transfer-syntax=*"), EXPLICIT_LE, true)
                .decode()).isFalse();
        assertThat(FrameMediaTypes.choose(MediaRange.parseAccept(
                "multipart/related; type=\"image/jls\", multipart/related; type=\"image/dicom-rle\""), rle, true))
                .isEqualTo(new FrameMediaTypes.Choice("image/dicom-rle", false, rle.uid()));
        assertThat(FrameMediaTypes.choose(MediaRange.parseAccept("multipart/related; type=\"image/jls\", " + OCTET
                + ";q=0.5"), TransferSyntax.JPEG_LS_LOSSLESS, false).partType()).isEqualTo("image/jls");
        assertThat(status(() -> FrameMediaTypes.choose(MediaRange.parseAccept(OCTET), rle, false))).isEqualTo(406);
        assertThat(status(() -> FrameMediaTypes.choose(MediaRange.parseAccept("multipart/related; type=image/jp2"),
                rle, true))).isEqualTo(406);
    }

    @Test
    void frameListsAreNumbersFromOne() {
        assertThat(FramesResource.parseFrameList("3,1, 2")).containsExactly(3, 1, 2);
        for (String bad : List.of("", "0", "1,", "-1", "1.5", "a", "9999999999")) {
            assertThatThrownBy(() -> FramesResource.parseFrameList(bad)).as(bad)
                    .isInstanceOf(WebApplicationException.class)
                    .matches(e -> ((WebApplicationException) e).getResponse().getStatus() == 400);
        }
    }

    @Test
    void uidsAreDigitsAndSingleDots() {
        assertThat(Uids.require("1.2.840.10008.1.2", "UID")).isEqualTo("1.2.840.10008.1.2");
        for (String bad : List.of("../etc", "1..2", ".1", "1.", "1.2.3*", "1 2", "1.2'--", "1.".repeat(33) + "1")) {
            assertThat(status(() -> Uids.require(bad, "UID"))).as(bad).isEqualTo(400);
        }
    }

    @Test
    void gzipIsTakenWhenListedOrStarredWithoutQZero() {
        assertThat(ContentCoding.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ContentCoding.acceptsGzip("br;q=1, *;q=0.1")).isTrue();
        assertThat(ContentCoding.acceptsGzip("gzip;q=0, *")).isFalse();
        assertThat(ContentCoding.acceptsGzip("identity")).isFalse();
        assertThat(ContentCoding.acceptsGzip(null)).isFalse();
    }
}
