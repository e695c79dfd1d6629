package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.node.testing.Await;
import org.hrnode.node.testing.GeneratedStudy;
import org.hrnode.node.testing.NodeProcess;
import org.hrnode.node.testing.ParallelStoreScu;
import org.hrnode.storage.blob.S3ProxyFixture;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out topology without containers: two node processes (separate JVMs, started as {@code ./hrnode run}
 * starts one) over one PostgreSQL and one S3 bucket (S3Proxy, authenticated like MinIO). DCMTK storescu sends two
 * studies to both nodes at the same time, file by file in the same order, and one study to each node alone. Then:
 *
 * <ul>
 *   <li>nothing lost, nothing duplicated: the index holds exactly the SOP Instances sent, none as a second version,
 *       and the bucket holds exactly one object per instance (no orphan from a duplicate that lost a race, no
 *       original left after compression), whose bytes are those the index recorded;</li>
 *   <li>compression done once: every instance (all arrive uncompressed) was compressed by exactly one of the nodes
 *       (the sum of both nodes' {@code event=compressed} lines), no compression was done twice and thrown away
 *       ({@code event=compression_discarded}), and the queue is empty;</li>
 *   <li>QC done once per generation: across both nodes' logs no (study, generation) is judged twice, no result is
 *       discarded for a lost lease, and every study's last generation is judged;</li>
 *   <li>either node answers for all: C-FIND on each finds the four studies with their instance counts, and WADO-RS
 *       metadata of each study from each node lists every instance.</li>
 * </ul>
 */
class TwoNodeProcessesTest {

    private static final int INSTANCES_PER_STUDY = 17;
    private static final String BUCKET = "hrnode-shared";
    private static final Duration SEND_WAIT = Duration.ofSeconds(300);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(240);
    private static final Pattern QC_EVALUATED = Pattern.compile("event=qc_evaluated study_uid=(\\S+) generation=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void twoNodeProcessesOverOneDatabaseAndBucketLoseNothingAndDoNothingTwice() throws Exception {
        ExternalTool.require("storescu");
        ExternalTool.require("findscu");
        GeneratedStudy sharedOne = GeneratedStudy.write(tmp.resolve("sent/shared-1"), INSTANCES_PER_STUDY, 11);
        GeneratedStudy sharedTwo = GeneratedStudy.write(tmp.resolve("sent/shared-2"), INSTANCES_PER_STUDY, 12);
        GeneratedStudy onlyA = GeneratedStudy.write(tmp.resolve("sent/only-a"), INSTANCES_PER_STUDY, 13);
        GeneratedStudy onlyB = GeneratedStudy.write(tmp.resolve("sent/only-b"), INSTANCES_PER_STUDY, 14);
        List<GeneratedStudy> all = List.of(sharedOne, sharedTwo, onlyA, onlyB);
        Set<String> sentSops = new HashSet<>();
        all.forEach(s -> s.instances().forEach(i -> sentSops.add(i.sopInstanceUid())));

        Path s3Dir = Files.createDirectories(tmp.resolve("s3"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("pg"));
             S3ProxyFixture s3 = S3ProxyFixture.start(s3Dir)) {
            DatabaseConfig c = db.config();
            List<String> shared = List.of("--db-url", c.jdbcUrl(), "--db-user", c.user(), "--db-password",
                    c.password(), "--s3-endpoint", s3.endpoint().toString(), "--s3-bucket", BUCKET,
                    "--s3-access-key", S3ProxyFixture.ACCESS_KEY, "--s3-secret-key", S3ProxyFixture.SECRET_KEY,
                    "--qc-stable-seconds", "2", "--qc-poll-seconds", "1", "--qc-workers", "2");
            try (NodeProcess a = NodeProcess.start(tmp.resolve("node-a"), shared);
                 NodeProcess b = NodeProcess.start(tmp.resolve("node-b"), shared)) {
                sendAtOnce(a, b, sharedOne, sharedTwo, onlyA, onlyB);

                try (Connection sql = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password())) {
                    Await.until("compression queue empty and every study's last generation judged", SETTLE_WAIT,
                            () -> settled(sql, all.size()));
                    assertIndexAndBucket(sql, s3Dir.resolve(BUCKET), sentSops);
                    assertCompressedOnce(a, b, sentSops.size());
                    assertJudgedOncePerGeneration(sql, a, b, all);
                }
                for (NodeProcess node : List.of(a, b)) {
                    assertFindSeesAll(node, all);
                    assertMetadataSeesAll(node, all);
                }
            }
        }
    }

    private void sendAtOnce(NodeProcess a, NodeProcess b, GeneratedStudy sharedOne, GeneratedStudy sharedTwo,
            GeneratedStudy onlyA, GeneratedStudy onlyB) throws Exception {
        List<List<Path>> toA = List.of(files(sharedOne), files(sharedTwo), files(onlyA));
        List<List<Path>> toB = List.of(files(sharedOne), files(sharedTwo), files(onlyB));
        int perNode = 3 * INSTANCES_PER_STUDY;
        try (ParallelStoreScu scuA = ParallelStoreScu.start("HRNODE", a.dicomPort(), toA, perNode);
             ParallelStoreScu scuB = ParallelStoreScu.start("HRNODE", b.dicomPort(), toB, perNode)) {
            Set<Path> ackA = scuA.awaitEnd(SEND_WAIT);
            Set<Path> ackB = scuB.awaitEnd(SEND_WAIT);
            assertThat(ackA).as("Success for every file sent to node A:%n%s", String.join("\n", scuA.output()))
                    .hasSize(perNode);
            assertThat(ackB).as("Success for every file sent to node B:%n%s", String.join("\n", scuB.output()))
                    .hasSize(perNode);
        }
    }

    private static List<Path> files(GeneratedStudy study) {
        return study.instances().stream().map(GeneratedStudy.Instance::file).toList();
    }

    private static boolean settled(Connection sql, int studies) {
        try {
            return count(sql, "SELECT count(*) FROM compression_queue") == 0
                    && count(sql, "SELECT count(*) FROM qc_jobs") == studies
                    && count(sql, "SELECT count(*) FROM qc_jobs WHERE evaluated_generation < generation") == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertIndexAndBucket(Connection sql, Path bucketDir, Set<String> sentSops)
            throws SQLException, IOException {
        Map<String, String> blobOf = new HashMap<>();
        try (Statement st = sql.createStatement();
             ResultSet rs = st.executeQuery("SELECT sop_instance_uid, blob_key FROM instances")) {
            while (rs.next()) {
                assertThat(blobOf.put(rs.getString(1), rs.getString(2))).as("one row per SOP Instance").isNull();
            }
        }
        assertThat(blobOf.keySet()).as("the index holds exactly the instances sent").isEqualTo(sentSops);
        assertThat(count(sql, "SELECT count(*) FROM instance_versions"))
                .as("identical copies sent to two nodes never become a second version").isZero();
        Set<String> objects;
        try (Stream<Path> files = Files.walk(bucketDir)) {
            objects = new HashSet<>(files.filter(Files::isRegularFile)
                    .map(p -> bucketDir.relativize(p).toString()).toList());
        }
        assertThat(objects).as("one object per instance in the shared bucket, nothing orphaned")
                .isEqualTo(new HashSet<>(blobOf.values()));
    }

    private static void assertCompressedOnce(NodeProcess a, NodeProcess b, int instances) {
        long compressed = Stream.of(a, b).flatMap(n -> n.output().stream())
                .filter(line -> line.contains("event=compressed ")).count();
        assertThat(compressed).as("compressions across both nodes, one per instance").isEqualTo(instances);
        assertThat(Stream.of(a, b).flatMap(n -> n.output().stream())
                .filter(line -> line.contains("event=compression_failed"))).isEmpty();
        assertThat(Stream.of(a, b).flatMap(n -> n.output().stream())
                .filter(line -> line.contains("event=compression_discarded")))
                .as("no image compressed by both nodes (the loser's work would be discarded)").isEmpty();
    }

    private static void assertJudgedOncePerGeneration(Connection sql, NodeProcess a, NodeProcess b,
            List<GeneratedStudy> studies) throws SQLException {
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> runsByNode = new HashMap<>();
        for (NodeProcess node : List.of(a, b)) {
            for (String line : node.output()) {
                Matcher m = QC_EVALUATED.matcher(line);
                if (m.find()) {
                    runs.merge(m.group(1) + " generation " + m.group(2), 1, Integer::sum);
                    runsByNode.merge(node == a ? "A" : "B", 1, Integer::sum);
                }
                assertThat(line).as("a result discarded means a generation was judged twice")
                        .doesNotContain("event=qc_result_discarded");
            }
        }
        System.out.println("TwoNodeProcessesTest: QC runs per node " + runsByNode + ", per study generation " + runs);
        assertThat(runs).as("QC runs per study generation, both nodes together").allSatisfy((k, n) ->
                assertThat(n).as(k).isEqualTo(1));
        for (GeneratedStudy study : studies) {
            long generation = count(sql, "SELECT j.generation FROM qc_jobs j JOIN studies s ON s.pk = j.study_fk"
                    + " WHERE s.study_instance_uid = '" + study.studyInstanceUid() + "'");
            assertThat(runs).as("the last generation of %s is judged", study.studyInstanceUid())
                    .containsKey(study.studyInstanceUid() + " generation " + generation);
            assertThat(generation).as("generations count recorded instances: each once")
                    .isEqualTo(INSTANCES_PER_STUDY);
        }
    }

    private void assertFindSeesAll(NodeProcess node, List<GeneratedStudy> studies) throws Exception {
        FindScu.Answer answer = FindScu.find(node.dicomPort(), tmp, "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances");
        assertThat(answer.finalStatus()).isEqualTo("Success");
        Map<String, String> found = new HashMap<>();
        answer.matches().forEach(d -> found.put(d.getString(Tag.StudyInstanceUID),
                d.getString(Tag.NumberOfStudyRelatedInstances)));
        Map<String, String> expected = new HashMap<>();
        studies.forEach(s -> expected.put(s.studyInstanceUid(), Integer.toString(INSTANCES_PER_STUDY)));
        assertThat(found).as("C-FIND on %s", node).isEqualTo(expected);
    }

    private static void assertMetadataSeesAll(NodeProcess node, List<GeneratedStudy> studies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (GeneratedStudy study : studies) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + node.httpPort() + "/dicomweb/studies/" + study.studyInstanceUid() + "/metadata"))
                    .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("WADO-RS metadata from %s", node).isEqualTo(200);
            Set<String> sops = new HashSet<>();
            for (JsonNode instance : JSON.readTree(r.body())) {
                sops.add(instance.path("00080018").path("Value").path(0).asText());
            }
            Set<String> expected = new HashSet<>();
            study.instances().forEach(i -> expected.add(i.sopInstanceUid()));
            assertThat(sops).as("instances of %s in WADO-RS metadata from %s", study.studyInstanceUid(), node)
                    .isEqualTo(expected);
        }
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
