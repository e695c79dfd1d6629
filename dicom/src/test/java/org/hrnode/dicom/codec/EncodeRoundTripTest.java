package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's proof for encoding: every WG04 reference image encoded by us as JPEG-LS, JPEG 2000 and RLE decodes
 * to the original pixels with our decoders and with the independent ones (DCMTK, GDCM), as a Part 10 file.
 */
class EncodeRoundTripTest {

    private static final List<TransferSyntax> TARGETS = List.of(TransferSyntax.JPEG_LS_LOSSLESS,
            TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.RLE_LOSSLESS);

    @TempDir
    Path temp;

    static Stream<Arguments> cases() {
        return Wg04.imagesWithReference().stream()
                .flatMap(image -> TARGETS.stream().map(ts -> Arguments.of(image, ts)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void ourEncodingDecodesToTheOriginalHereAndInThePeers(String image, TransferSyntax target) throws Exception {
        DicomFile reference = DicomReader.readFile(Wg04.reference(image));
        DecodedPixels original = DecodedPixels.of(reference.dataset(), reference.transferSyntax());

        Dataset encoded = Transcoder.standard().transcode(reference.dataset(), reference.transferSyntax(), target);
        assertThat(encoded.getFragments(Tag.PixelData)).isNotNull();
        assertThat(encoded.getString(Tag.LossyImageCompression)).isEqualTo("00");
        assertThat(DecodedPixels.of(encoded, target).bytes()).as("our decoder").isEqualTo(original.bytes());

        Path file = temp.resolve(image + "_" + target.uid());
        DicomWriter.writeFile(file, encoded, target);
        for (Peers peer : peersFor(target)) {
            Path decompressed = peer.decompress(file);
            DicomFile back = DicomReader.readFile(decompressed);
            assertThat(back.transferSyntax().isEncapsulated()).as(peer + " output").isFalse();
            assertThat(DecodedPixels.ofNative(back.dataset()).bytes()).as(peer + " on our " + target.name())
                    .isEqualTo(original.bytes());
            Files.delete(decompressed);
        }
    }

    /** DCMTK 3.6.7 has no JPEG 2000; GDCM decodes all three. */
    private static List<Peers> peersFor(TransferSyntax target) {
        if (target.equals(TransferSyntax.JPEG_LS_LOSSLESS)) {
            return List.of(Peers.DCMTK_JPEG_LS, Peers.GDCM);
        }
        if (target.equals(TransferSyntax.RLE_LOSSLESS)) {
            return List.of(Peers.DCMTK_RLE, Peers.GDCM);
        }
        return List.of(Peers.GDCM);
    }
}
