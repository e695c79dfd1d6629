package org.hrnode.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.metadata.InstanceMetadataIndex.SeriesDocument;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The series metadata documents on real PostgreSQL: a document is served only while its series is unchanged, and
 * one built from a snapshot that a later arrival has overtaken is never kept.
 */
class PostgresInstanceMetadataIndexTest {

    private static final String STUDY = "1.2.3";
    private static final String SERIES = "1.2.3.4";
    private static final String BASE = "http://node/dicomweb";

    private PostgresIndex index;
    private PostgresInstanceMetadataIndex metadata;

    @AfterEach
    void stopListening() {
        metadata.close();
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        metadata = new PostgresInstanceMetadataIndex(TestDatabase.dataSource());
    }

    private void record(String sop, int number, char sha) {
        var header = TestInstances.header("P1", "Wang^Xiaodong", STUDY, SERIES, sop);
        header.setString(Tag.InstanceNumber, VR.IS, String.valueOf(number));
        index.recordInstance(TestInstances.record(header, TestInstances.sha(sha))
                .withMetadataJson("{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"" + sop + "\"]}}"));
    }

    private static SeriesDocument document(long generation) {
        return new SeriesDocument(generation, BASE, "[]".getBytes(StandardCharsets.US_ASCII), 2);
    }

    @Test
    void instancesStreamInInstanceNumberOrderWithTheirJson() throws Exception {
        record("1.2.3.4.2", 2, 'b');
        record("1.2.3.4.1", 1, 'a');
        List<String> seen = new ArrayList<>();

        OptionalLong generation = metadata.forEachInSeries(SERIES, m -> seen.add(m.ref().sopInstanceUid() + " "
                + m.json()));

        assertThat(generation).isPresent();
        assertThat(seen).containsExactly("1.2.3.4.1 {\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4.1\"]}}",
                "1.2.3.4.2 {\"00080018\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4.2\"]}}");
        assertThat(metadata.forEach(QueryLevel.STUDY, STUDY, m -> { })).isEqualTo(2);
        assertThat(metadata.forEach(QueryLevel.STUDY, "9.9", m -> { })).isZero();
        assertThat(metadata.forEachInSeries("9.9", m -> { })).isEmpty();
    }

    @Test
    void aKeptDocumentIsServedUntilAnInstanceArrives() throws Exception {
        record("1.2.3.4.1", 1, 'a');
        long generation = metadata.forEachInSeries(SERIES, m -> { }).getAsLong();

        assertThat(metadata.storeSeriesDocument(SERIES, document(generation))).isTrue();
        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().document()).isNotNull();
        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().studyInstanceUid()).isEqualTo(STUDY);
        assertThat(metadata.seriesState(SERIES, "http://other/dicomweb").orElseThrow().document()).isNull();

        record("1.2.3.4.2", 2, 'b');

        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().document()).isNull();
        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().generation()).isGreaterThan(generation);
    }

    @Test
    void aDocumentOfAnOvertakenSnapshotIsNotKept() throws Exception {
        record("1.2.3.4.1", 1, 'a');
        long before = metadata.forEachInSeries(SERIES, m -> { }).getAsLong();
        record("1.2.3.4.2", 2, 'b');

        assertThat(metadata.storeSeriesDocument(SERIES, document(before))).isFalse();
        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().document()).isNull();
        assertThat(metadata.seriesState("9.9", BASE)).isEmpty();
    }

    @Test
    void aNewVersionOfAnInstanceMakesTheDocumentStale() throws Exception {
        record("1.2.3.4.1", 1, 'a');
        long generation = metadata.forEachInSeries(SERIES, m -> { }).getAsLong();
        metadata.storeSeriesDocument(SERIES, document(generation));

        record("1.2.3.4.1", 1, 'c');

        assertThat(metadata.seriesState(SERIES, BASE).orElseThrow().document()).isNull();
    }

    @Test
    void aSeriesIsReportedOnceItHasSettledAfterItsInstancesArrived() throws Exception {
        BlockingQueue<String> settled = new LinkedBlockingQueue<>();
        metadata.whenSeriesSettle(settled::add);

        record("1.2.3.4.1", 1, 'a');
        record("1.2.3.4.2", 2, 'b');

        assertThat(settled.poll(30, TimeUnit.SECONDS)).isEqualTo(SERIES);
        metadata.close();
        record("1.2.3.4.3", 3, 'c');
        assertThat(settled.poll(SettledSeriesListener.QUIET.toMillis() * 2, TimeUnit.MILLISECONDS)).isNull();
    }
}
