package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresIndexRecordTest {

    private static final String STUDY = "1.2.156.1.1";
    private static final String SERIES = "1.2.156.1.1.1";

    private PostgresIndex index;

    @BeforeEach
    void emptyIndex() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
    }

    private static Dataset header(String sop) {
        return TestInstances.header("P1", "Wang^XiaoDong=王^小东", STUDY, SERIES, sop);
    }

    @Test
    void firstArrivalCreatesEachLevelOnce() {
        assertThat(index.recordInstance(TestInstances.record(header("1.1"), TestInstances.sha('a'))))
                .isEqualTo(StoreOutcome.NEW);
        assertThat(index.recordInstance(TestInstances.record(header("1.2"), TestInstances.sha('b'))))
                .isEqualTo(StoreOutcome.NEW);

        assertThat(Sql.count("patients")).isEqualTo(1);
        assertThat(Sql.count("studies")).isEqualTo(1);
        assertThat(Sql.count("series")).isEqualTo(1);
        assertThat(Sql.count("instances")).isEqualTo(2);
    }

    @Test
    void sameBytesAgainIsADuplicateThatChangesNothing() {
        InstanceRecord first = TestInstances.record(header("1.1"), TestInstances.sha('a'));
        index.recordInstance(first);
        List<String> before = Sql.column("SELECT row(p.*, st.*, se.*, i.*)::text FROM instances i"
                + " JOIN series se ON se.pk = i.series_fk JOIN studies st ON st.pk = se.study_fk"
                + " JOIN patients p ON p.pk = st.patient_fk");

        Dataset again = header("1.1");
        again.setString(Tag.StudyDescription, VR.LO, "would change the study if applied");
        StoreOutcome outcome = index.recordInstance(TestInstances.record(again, TestInstances.sha('a')));

        assertThat(outcome).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(Sql.column("SELECT row(p.*, st.*, se.*, i.*)::text FROM instances i"
                + " JOIN series se ON se.pk = i.series_fk JOIN studies st ON st.pk = se.study_fk"
                + " JOIN patients p ON p.pk = st.patient_fk")).isEqualTo(before);
        assertThat(Sql.count("instance_versions")).isZero();
    }

    @Test
    void otherBytesUnderAKnownUidBecomeANewVersionKeepingTheOldOne() {
        InstanceRecord v1 = TestInstances.record(header("1.1"), TestInstances.sha('a'));
        InstanceRecord v2 = TestInstances.record(header("1.1"), TestInstances.sha('b'));
        InstanceRecord v3 = TestInstances.record(header("1.1"), TestInstances.sha('c'));
        index.recordInstance(v1);

        assertThat(index.recordInstance(v2)).isEqualTo(StoreOutcome.NEW_VERSION);
        assertThat(index.recordInstance(v3)).isEqualTo(StoreOutcome.NEW_VERSION);

        List<StoredInstanceRef> current = index.instancesOf(QueryLevel.IMAGE, "1.1");
        assertThat(current).singleElement().satisfies(ref -> {
            assertThat(ref.version()).isEqualTo(3);
            assertThat(ref.sha256()).isEqualTo(TestInstances.sha('c'));
            assertThat(ref.blobKey()).isEqualTo(v3.stored().blobKey());
        });
        assertThat(Sql.column("SELECT version || ' ' || sha256 || ' ' || blob_key FROM instance_versions"
                + " ORDER BY version")).containsExactly(
                "1 " + TestInstances.sha('a') + " " + v1.stored().blobKey(),
                "2 " + TestInstances.sha('b') + " " + v2.stored().blobKey());
        assertThat(Sql.count("instances")).isEqualTo(1);
    }

    @Test
    void laterInstancesFillGapsButAStudyKeepsItsPatient() {
        Dataset first = header("1.1");
        index.recordInstance(TestInstances.record(first, TestInstances.sha('a')));

        Dataset second = TestInstances.header("OTHER", "Someone^Else", STUDY, SERIES, "1.2");
        second.setString(Tag.StudyDescription, VR.LO, "胸部CT平扫");
        index.recordInstance(TestInstances.record(second, TestInstances.sha('b')));

        assertThat(Sql.column("SELECT p.patient_id || ' ' || st.study_description FROM studies st"
                + " JOIN patients p ON p.pk = st.patient_fk")).containsExactly("P1 胸部CT平扫");
        assertThat(Sql.count("patients")).isEqualTo(2);
    }

    @Test
    void chineseAndGb18030OnlyCharactersRoundTrip() {
        index.recordInstance(TestInstances.record(
                TestInstances.header("P9", "Chen^Xi=陈^𠀀曦=チン^シ", STUDY, SERIES, "1.1"), TestInstances.sha('a')));

        assertThat(Sql.column("SELECT patient_name || '|' || patient_name_alphabetic || '|' ||"
                + " patient_name_ideographic || '|' || patient_name_phonetic || '|' || patient_name_search"
                + " FROM patients")).containsExactly("Chen^Xi=陈^𠀀曦=チン^シ|Chen^Xi|陈^𠀀曦|チン^シ|chen^xi");
    }

    @Test
    void concurrentIngestOfOneStudyCreatesNoDuplicatesAndNoDeadlock() throws Exception {
        int threads = 8;
        int perThread = 20;
        int distinctSeries = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<StoreOutcome>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<StoreOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        // Threads overlap: instance i of thread t is also sent by thread t+1 (same bytes).
                        int n = (thread * perThread + i) / 2;
                        Dataset d = TestInstances.header("P1", "Wang^XiaoDong=王^小东", STUDY,
                                SERIES + "." + (n % distinctSeries), "1.9." + n);
                        outcomes.add(index.recordInstance(TestInstances.record(d,
                                Integer.toHexString(n % 16).repeat(64))));
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<StoreOutcome> all = new ArrayList<>();
            for (Future<List<StoreOutcome>> f : futures) {
                all.addAll(f.get());
            }

            int distinctInstances = threads * perThread / 2;
            assertThat(all).filteredOn(o -> o == StoreOutcome.NEW).hasSize(distinctInstances);
            assertThat(all).filteredOn(o -> o == StoreOutcome.DUPLICATE).hasSize(distinctInstances);
            assertThat(Sql.count("patients")).isEqualTo(1);
            assertThat(Sql.count("studies")).isEqualTo(1);
            assertThat(Sql.count("series")).isEqualTo(distinctSeries);
            assertThat(Sql.count("instances")).isEqualTo(distinctInstances);
        } finally {
            pool.shutdownNow();
        }
    }
}
