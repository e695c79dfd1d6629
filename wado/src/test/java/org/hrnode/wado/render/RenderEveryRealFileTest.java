package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world file the suite knows (pydicom's, the shared WG04/CT/MR sets, the charset files) either renders to
 * an image of its own size or is refused with a {@link NotRenderableException} naming why — never another
 * exception, which the HTTP layer would turn into a 500.
 */
class RenderEveryRealFileTest {

    static Stream<Path> files() {
        return TestData.wellFormedRealWorldFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void rendersOrSaysWhyNot(Path path) throws Exception {
        DicomFile file;
        try {
            file = DicomReader.readFile(path);
        } catch (DicomParseException notForUs) {
            return; // the reader's own tests cover files it refuses
        }
        List<String> outcome = new ArrayList<>();
        try {
            byte[] jpeg = new Renderer().render(file.dataset(), file.transferSyntax(), RenderRequest.defaults(),
                    true);
            var image = Images.decode(jpeg);
            assertThat(image.getWidth()).isEqualTo(file.dataset().getInt(Tag.Columns, -1));
            assertThat(image.getHeight()).isEqualTo(file.dataset().getInt(Tag.Rows, -1));
            outcome.add("rendered");
        } catch (NotRenderableException e) {
            assertThat(e.getMessage()).isNotBlank();
            outcome.add("refused: " + e.getMessage());
        }
        assertThat(outcome).hasSize(1);
    }
}
