package org.hrnode.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.testing.DatasetDiff;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world file parses (or, for the deliberately broken ones, fails with our parse error), and what we
 * write reads back to the same dataset, in the original syntax and re-encoded.
 */
public class RealWorldRoundTripTest {

    static Stream<Named<Path>> files() {
        return TestData.allRealWorldFiles().stream().map(p -> Named.of(TestData.shortName(p), p));
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesOrFailsCleanly(Path file) throws Exception {
        if (TestData.isMalformed(file)) {
            assertThatThrownBy(() -> DicomReader.readFile(file)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("at byte");
            return;
        }
        DicomFile byReference = DicomReader.readFile(file);
        DicomFile inMemory = readInMemory(file);
        assertThat(DatasetDiff.firstDifference(byReference.dataset(), inMemory.dataset())).isNull();
        assertThat(inMemory.dataset().size()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("files")
    void writesWhatItReadInTheSameSyntax(Path file) throws Exception {
        if (TestData.isMalformed(file)) {
            return;
        }
        DicomFile original = DicomReader.readFile(file);
        TransferSyntax ts = original.transferSyntax().isBigEndian()
                ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : original.transferSyntax();
        assertRoundTrip(file, original, ts);
    }

    @ParameterizedTest
    @MethodSource("files")
    void reencodesUncompressedAsExplicitAndDeflated(Path file) throws Exception {
        if (TestData.isMalformed(file)) {
            return;
        }
        DicomFile original = DicomReader.readFile(file);
        if (original.transferSyntax().isEncapsulated()) {
            return;
        }
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            assertRoundTrip(file, original, ts);
        }
    }

    private static void assertRoundTrip(Path file, DicomFile original, TransferSyntax ts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            Dataset meta = FileMetaInformation.create(
                    original.dataset().getString(org.hrnode.dicom.dict.Tag.SOPClassUID, "1.2.3"),
                    original.dataset().getString(org.hrnode.dicom.dict.Tag.SOPInstanceUID, "1.2.3.4"), ts.uid());
            w.writePart10(meta, original.dataset());
        }
        DicomFile reread = DicomReader.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reread.transferSyntax().uid()).isEqualTo(ts.uid());
        assertThat(DatasetDiff.firstDifference(readInMemory(file).dataset(), reread.dataset()))
                .as("%s re-written as %s", file, ts.uid()).isNull();
    }

    static DicomFile readInMemory(Path file) throws IOException, DicomParseException {
        try (var in = Files.newInputStream(file)) {
            return new DicomReader(in, Files.size(file), ReadOptions.defaults()).read();
        }
    }
}
