package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.testing.ExternalTool;

/**
 * Independent decoders to hold our encoders to account: DCMTK ({@code dcmdjpls}, {@code dcmdrle}) and GDCM
 * ({@code gdcmconv --raw}). Each writes an uncompressed copy that our reader then compares.
 */
enum Peers {
    DCMTK_JPEG_LS("dcmdjpls"),
    DCMTK_RLE("dcmdrle"),
    GDCM("gdcmconv", "--raw");

    private final String program;
    private final List<String> options;

    Peers(String program, String... options) {
        this.program = program;
        this.options = List.of(options);
    }

    /** Decompresses {@code in} into a new file beside it and returns that file. */
    Path decompress(Path in) throws Exception {
        ExternalTool.require(program);
        Path out = in.resolveSibling(in.getFileName() + "." + name() + ".dcm");
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(options);
        command.add(in.toString());
        command.add(out.toString());
        ExternalTool.Result r = ExternalTool.run(command.toArray(String[]::new));
        assertThat(r.exitCode()).as(program + " on our " + in.getFileName() + ": " + r.stderr() + r.stdout())
                .isZero();
        assertThat(Files.exists(out)).as(program + " wrote " + out).isTrue();
        return out;
    }
}
