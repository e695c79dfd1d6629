package org.hrnode.node.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;

/**
 * DCMTK findscu against the node: each response's identifier is extracted to a file ({@code -X}) and read back with
 * our reader, which decodes names through the response's Specific Character Set.
 */
final class FindScu {

    static final String AE_TITLE = "FINDSCU";

    private FindScu() {
    }

    /** The matches, in the order they came, and findscu's report. */
    record Answer(List<Dataset> matches, PeerProcess.Result run) {

        /** The final status as findscu names it: "Success", "Cancel: ...", ... */
        String finalStatus() {
            return run.linesWith("Received Final Find Response").stream().findFirst()
                    .map(line -> line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')))
                    .orElse("no final response");
        }
    }

    /** Runs findscu with {@code options} ("-S", "-k", "QueryRetrieveLevel=STUDY", ...). */
    static Answer find(int port, Path workDir, String... options) throws IOException, InterruptedException {
        return find(port, workDir, List.of(options), List.of());
    }

    /** Runs findscu with {@code options} and the queries in {@code queryFiles}. */
    static Answer find(int port, Path workDir, List<String> options, List<Path> queryFiles)
            throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(workDir, "findscu");
        PeerProcess.Result run = PeerProcess.run(PeerProcess.args("findscu", "-v", "-X", "-od", out, "-aet",
                AE_TITLE, "-aec", NodeUnderTest.AE_TITLE, options, NodeUnderTest.LOOPBACK, port, queryFiles));
        List<Dataset> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                matches.add(DicomReader.readFile(f).dataset());
            }
        } catch (DicomParseException e) {
            throw new IOException("findscu wrote an unreadable response: " + e.getMessage(), e);
        }
        return new Answer(matches, run);
    }

    /**
     * A query with non-ASCII values, written by DCMTK's dump2dcm from a dump in UTF-8: command-line arguments would
     * pass through the platform's locale, which need not be UTF-8.
     */
    static Path queryFile(Path workDir, List<String> dumpLines) throws IOException, InterruptedException {
        Path dump = Files.createTempFile(workDir, "query", ".dump");
        Files.write(dump, dumpLines, StandardCharsets.UTF_8);
        Path query = Files.createTempFile(workDir, "query", ".dcm");
        PeerProcess.Result r = PeerProcess.run(PeerProcess.args("dump2dcm", dump, query));
        if (r.exitCode() != 0) {
            throw new IOException("dump2dcm failed: " + r.output());
        }
        return query;
    }
}
