package org.hrnode.dicom.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;

/**
 * The NEMA WG04 compression test images in {@code ../shared/data/wg04}: one folder per encoding (J2KR, JLSL, JPLL,
 * RLE lossless; J2KI, JLSN, JPLY lossy), files named {@code IMAGE_VARIANT}, and {@code REF/IMAGE_UNC.zst}, the
 * zstd-compressed uncompressed original. Files of 4 MiB or more were left out of the shared copy.
 */
final class Wg04 {

    static final List<String> LOSSLESS_VARIANTS = List.of("J2KR", "JLSL", "JPLL", "RLE");
    static final List<String> LOSSY_VARIANTS = List.of("J2KI", "JLSN", "JPLY");
    /** Images whose reference and every lossless variant must be present, or the data set is broken. */
    static final List<String> REQUIRED_IMAGES = List.of("CT1", "CT2", "MR1", "MR2", "MR3", "MR4", "NM1");

    private static Path unpacked;

    private Wg04() {
    }

    static Path dir() {
        Path dir = TestData.sharedData().resolve("wg04");
        TestData.require(Files.isDirectory(dir), "NEMA WG04 images at " + dir);
        return dir;
    }

    /** Names (CT1, MR1, …) of the images that have a reference, sorted. */
    static List<String> imagesWithReference() {
        try (Stream<Path> refs = Files.list(dir().resolve("REF"))) {
            return refs.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_UNC.zst"))
                    .map(n -> n.substring(0, n.indexOf('_')))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of {@code image} in {@code variant}, which may be absent. */
    static Path variant(String image, String variant) {
        return dir().resolve(variant).resolve(image + "_" + variant);
    }

    /** The uncompressed reference, unpacked with the zstd CLI into a temporary folder once per test run. */
    static synchronized Path reference(String image) throws IOException, InterruptedException {
        ExternalTool.require("zstd");
        if (unpacked == null) {
            unpacked = Files.createTempDirectory("hrnode-wg04-ref");
            unpacked.toFile().deleteOnExit();
        }
        Path out = unpacked.resolve(image + "_UNC");
        if (!Files.exists(out)) {
            Path packed = dir().resolve("REF").resolve(image + "_UNC.zst");
            ExternalTool.Result r = ExternalTool.run("zstd", "-q", "-d", "-f", packed.toString(), "-o",
                    out.toString());
            if (r.exitCode() != 0) {
                throw new IOException("zstd could not unpack " + packed + ": " + r.stderr());
            }
            out.toFile().deleteOnExit();
        }
        return out;
    }
}
