package org.hrnode.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequences nested {@value DeepNesting#MAX_DEPTH} deep, in every shape a reader recurses through, are refused with
 * our parse exception at the nesting limit instead of exhausting the stack; nesting up to the limit is read.
 */
class DeepNestingTest {

    private static final int LIMIT = ReadOptions.DEFAULT_MAX_NESTING_DEPTH;

    @ParameterizedTest
    @EnumSource(DeepNesting.Shape.class)
    void nestingFarPastTheLimitIsAParseError(DeepNesting.Shape shape) {
        byte[] chain = DeepNesting.encode(shape, DeepNesting.MAX_DEPTH, true);
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(chain)))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("nested deeper than " + LIMIT);
    }

    @ParameterizedTest
    @EnumSource(DeepNesting.Shape.class)
    void nestingUpToTheLimitIsRead(DeepNesting.Shape shape) throws Exception {
        byte[] chain = DeepNesting.encode(shape, LIMIT, true);
        Dataset level = DicomReader.read(new ByteArrayInputStream(chain)).dataset();
        int depth = 0;
        while (level.getItem(Tag.ReferencedSeriesSequence) != null) {
            level = level.getItem(Tag.ReferencedSeriesSequence);
            depth++;
        }
        assertThat(depth).isEqualTo(LIMIT);
    }
}
