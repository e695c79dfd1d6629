package org.hrnode.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.DatasetDiff;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world file survives DICOM JSON: read it (large values left in the file as references), write it
 * with everything inline, read the JSON back, and the dataset is the one we started from, up to the spelling of
 * IS and DS numbers ({@link JsonNormalised}).
 */
class DicomJsonRealWorldRoundTripTest {

    private final DicomJsonWriter writer = new DicomJsonWriter();
    private final DicomJsonReader reader = new DicomJsonReader();

    static Stream<Named<Path>> files() {
        return TestData.wellFormedRealWorldFiles().stream()
                .map(p -> Named.of(TestData.shortName(p), p));
    }

    @ParameterizedTest
    @MethodSource("files")
    void jsonReadsBackToTheSameDataset(Path file) throws Exception {
        Dataset original = DicomReader.readFile(file).dataset();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        writer.write(original, json);

        Dataset decoded = reader.read(new ByteArrayInputStream(json.toByteArray()));

        assertThat(DatasetDiff.firstDifference(JsonNormalised.copy(original), JsonNormalised.copy(decoded)))
                .as("%s after a DICOM JSON round trip", file).isNull();
    }
}
