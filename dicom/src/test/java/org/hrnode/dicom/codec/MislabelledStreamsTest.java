package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.codec.j2k.Jpeg2000Codestream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

/**
 * A lossless label is checked against the stream: a near-lossless JPEG-LS or an irreversible JPEG 2000 stream
 * filed under the lossless syntax is refused, since its pixels are not the original ones.
 */
class MislabelledStreamsTest {

    private static DicomFile wg04(String image, String variant) throws Exception {
        Path file = Wg04.variant(image, variant);
        assertThat(Files.exists(file)).as(file.toString()).isTrue();
        return DicomReader.readFile(file);
    }

    @Test
    void nearLosslessJpegLsLabelledLosslessIsRefused() throws Exception {
        DicomFile jlsn = wg04("CT1", "JLSN");
        assertThatThrownBy(() -> Transcoder.standard().transcode(jlsn.dataset(), TransferSyntax.JPEG_LS_LOSSLESS,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("near-lossless (NEAR=");
    }

    @Test
    void irreversibleJpeg2000LabelledLosslessIsRefused() throws Exception {
        DicomFile j2ki = wg04("CT1", "J2KI");
        assertThatThrownBy(() -> Transcoder.standard().transcode(j2ki.dataset(), TransferSyntax.JPEG_2000_LOSSLESS,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("irreversible 9/7");
    }

    @Test
    void theCodestreamTellsReversibleFromIrreversible() throws Exception {
        assertThat(Jpeg2000Codestream.isReversible(firstFrame(wg04("MR1", "J2KR").dataset()))).isTrue();
        assertThat(Jpeg2000Codestream.isReversible(firstFrame(wg04("MR1", "J2KI").dataset()))).isFalse();
        assertThatThrownBy(() -> Jpeg2000Codestream.isReversible(new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .isInstanceOf(PixelDataException.class);
    }

    private static byte[] firstFrame(Dataset dataset) throws PixelDataException {
        return EncapsulatedFrames.split(dataset.getFragments(Tag.PixelData), 1,
                Codecs.registry().requireDecoder(TransferSyntax.JPEG_2000)).getFirst();
    }
}
