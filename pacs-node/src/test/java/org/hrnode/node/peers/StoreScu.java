package org.hrnode.node.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DCMTK storescu sending files to the node over one association, as a modality sends a study. Its association
 * profile (a storescu configuration file written here) proposes one presentation context per SOP class and transfer
 * syntax of the files, so every file travels in its own transfer syntax, unconverted; storescu's default proposals
 * would make it convert big endian and implicit files and fail on compressed ones. What the node answered to each
 * file is read from storescu's debug report: the DIMSE status and the Error Comment.
 */
final class StoreScu {

    private static final String PROFILE = "Files";
    private static final Pattern SENDING = Pattern.compile("^I: Sending file: (.+)$");
    private static final Pattern STATUS = Pattern.compile("^D: DIMSE Status\\s*: 0x([0-9a-fA-F]{4})");
    private static final Pattern COMMENT = Pattern.compile("^D: \\(0000,0902\\) LO \\[(.*)\\]");
    private static final Pattern STORE_FAILED = Pattern.compile("^E: Store Failed, file: (.+):$");
    private static final int HEX = 16;

    private StoreScu() {
    }

    /** The node's answer to one file, or {@link #NOT_SENT} with storescu's reason. */
    record Answer(int status, String comment) {
        static final int NOT_SENT = -1;

        boolean isSuccess() {
            return status == 0;
        }
    }

    /** What one storescu run reported for each file it was given, by path, and its whole output. */
    record Report(Map<Path, Answer> answers, PeerProcess.Result run) {

        Answer answerFor(Path file) {
            return answers.getOrDefault(file, new Answer(Answer.NOT_SENT, "storescu did not try to send it"));
        }
    }

    /**
     * Sends {@code files}, in this order, over one association calling the node as {@code callingAeTitle}. Files
     * without SOP Class or Instance UID are passed too: storescu decides what it does with them.
     */
    static Report send(int port, String callingAeTitle, List<Path> files, Path workDir)
            throws IOException, InterruptedException {
        Path profile = Files.createTempFile(workDir, "storescu", ".cfg");
        Files.writeString(profile, profileFor(files.stream().map(InstanceFile::read).flatMap(Optional::stream)
                .toList()), StandardCharsets.US_ASCII);
        List<String> command = PeerProcess.args("storescu", "-d", "--no-halt", "--config-file", profile, PROFILE,
                "-aet", callingAeTitle, "-aec", NodeUnderTest.AE_TITLE, NodeUnderTest.LOOPBACK, port, files);
        PeerProcess.Result run = PeerProcess.run(command);
        return new Report(parse(run.output()), run);
    }

    /** Several storescu processes at once, one association each; the reports in the order of the lanes. */
    static List<Report> sendConcurrently(int port, String callingAeTitle, List<List<Path>> lanes, Path workDir)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(lanes.size())) {
            List<Future<Report>> running = new ArrayList<>();
            for (List<Path> lane : lanes) {
                running.add(pool.submit(() -> send(port, callingAeTitle, lane, workDir)));
            }
            List<Report> reports = new ArrayList<>();
            for (Future<Report> f : running) {
                reports.add(f.get());
            }
            return reports;
        }
    }

    /**
     * The association profile: every (SOP class, transfer syntax) pair of the files as a presentation context of
     * its own, transfer syntaxes by UID. storescu picks, for each file, the context in the file's own syntax.
     */
    static String profileFor(List<InstanceFile> files) {
        Set<String> syntaxes = new LinkedHashSet<>();
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (InstanceFile f : files) {
            syntaxes.add(f.transferSyntaxUid());
            pairs.add(List.of(f.sopClassUid(), f.transferSyntaxUid()));
        }
        List<String> syntaxList = List.copyOf(syntaxes);
        StringBuilder cfg = new StringBuilder("[[TransferSyntaxes]]\n");
        for (int i = 0; i < syntaxList.size(); i++) {
            cfg.append("[TS").append(i).append("]\nTransferSyntax1 = ").append(syntaxList.get(i)).append('\n');
        }
        cfg.append("[[PresentationContexts]]\n[").append(PROFILE).append("]\n");
        int n = 1;
        for (List<String> pair : pairs) {
            cfg.append("PresentationContext").append(n++).append(" = ").append(pair.get(0)).append("\\TS")
                    .append(syntaxList.indexOf(pair.get(1))).append('\n');
        }
        cfg.append("[[Profiles]]\n[").append(PROFILE).append("]\nPresentationContexts = ").append(PROFILE)
                .append('\n');
        return cfg.toString();
    }

    /**
     * Reads storescu's debug output: after "Sending file: X" come the response's DIMSE status and Error Comment, or
     * "Store Failed, file: X:" followed by storescu's reason when it could not send.
     */
    static Map<Path, Answer> parse(String output) {
        Map<Path, Answer> answers = new LinkedHashMap<>();
        Map<Path, String> comments = new HashMap<>();
        Path current = null;
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = SENDING.matcher(line)).find()) {
                current = Path.of(m.group(1));
            } else if (current != null && (m = STATUS.matcher(line)).find()) {
                answers.put(current, new Answer(Integer.parseInt(m.group(1), HEX), null));
            } else if (current != null && (m = COMMENT.matcher(line)).find()) {
                comments.put(current, m.group(1).strip());
            } else if ((m = STORE_FAILED.matcher(line)).find()) {
                String reason = i + 1 < lines.size() ? lines.get(i + 1) : "";
                answers.put(Path.of(m.group(1)), new Answer(Answer.NOT_SENT, reason));
            }
        }
        comments.forEach((file, comment) -> answers.computeIfPresent(file,
                (f, answer) -> new Answer(answer.status(), comment)));
        return answers;
    }
}
