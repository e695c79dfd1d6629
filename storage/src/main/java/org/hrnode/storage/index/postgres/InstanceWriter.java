package org.hrnode.storage.index.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import org.hrnode.storage.db.RetryableConflict;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoreOutcome;

/**
 * The statements of {@link PostgresIndex#recordInstance}, run inside one transaction by the caller.
 *
 * <p>Order, and why:
 * <ol>
 *   <li>Lock the instance row if the SOP Instance UID is known ({@code FOR UPDATE}). Same SHA-256: a duplicate, and
 *       the transaction ends having written nothing.</li>
 *   <li>Upsert patient, then study, then series ({@code INSERT ... ON CONFLICT DO UPDATE}). The unique constraints
 *       make concurrent first arrivals of one study converge on one row each, and the fixed order patient → study →
 *       series means two transactions never wait for each other's locks in opposite orders. Updates keep a stored
 *       value where the arriving instance has none; a study keeps the patient it was created under.</li>
 *   <li>Insert the instance ({@code ON CONFLICT DO NOTHING}). If another transaction inserted the same SOP Instance
 *       UID between steps 1 and 3, start over ({@link RetryableConflict}); step 1 then sees it.</li>
 *   <li>Or, for other bytes under a known SOP Instance UID, copy the current row into {@code instance_versions}
 *       and overwrite it with the new one, version + 1.</li>
 *   <li>Keep the counters and SOP classes of the series and study (V7): a new instance adds itself, a new version
 *       recounts the series and studies it leaves and joins. The study and series rows are locked already.</li>
 *   <li>Queue the instance for compression if wanted, and bump its study's QC job (last, so the job row is locked
 *       for the shortest time).</li>
 * </ol>
 */
final class InstanceWriter {

    private static final String LOCK_EXISTING = """
            SELECT pk, series_fk, COALESCE(received_sha256, sha256) AS sha256 FROM instances
            WHERE sop_instance_uid = ? FOR UPDATE""";

    private static final String UPSERT_PATIENT = """
            INSERT INTO patients AS t (patient_id, issuer_of_patient_id, %s, patient_birth_date, patient_sex)
            VALUES (?, ?, %s, ?, ?)
            ON CONFLICT (patient_id, issuer_of_patient_id) DO UPDATE SET
                %s,
                patient_birth_date = COALESCE(EXCLUDED.patient_birth_date, t.patient_birth_date),
                patient_sex = COALESCE(EXCLUDED.patient_sex, t.patient_sex),
                updated_at = now()
            RETURNING pk""".formatted(PersonNameColumns.list("patient_name"), PersonNameColumns.placeholders(),
            PersonNameColumns.keepUnlessGiven("t", "patient_name"));

    private static final String UPSERT_STUDY = """
            INSERT INTO studies AS t (patient_fk, study_instance_uid, study_date, study_time, accession_number,
                study_id, study_description, %s, institution_name, institution_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, %s, ?, ?)
            ON CONFLICT (study_instance_uid) DO UPDATE SET
                study_date = COALESCE(EXCLUDED.study_date, t.study_date),
                study_time = COALESCE(EXCLUDED.study_time, t.study_time),
                accession_number = COALESCE(EXCLUDED.accession_number, t.accession_number),
                study_id = COALESCE(EXCLUDED.study_id, t.study_id),
                study_description = COALESCE(EXCLUDED.study_description, t.study_description),
                %s,
                institution_name = COALESCE(EXCLUDED.institution_name, t.institution_name),
                institution_code = COALESCE(EXCLUDED.institution_code, t.institution_code),
                updated_at = now()
            RETURNING pk""".formatted(PersonNameColumns.list("referring_physician_name"),
            PersonNameColumns.placeholders(), PersonNameColumns.keepUnlessGiven("t", "referring_physician_name"));

    private static final String UPSERT_SERIES = """
            INSERT INTO series AS t (study_fk, series_instance_uid, modality, series_number, series_description,
                body_part_examined, series_date, series_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (series_instance_uid) DO UPDATE SET
                modality = COALESCE(EXCLUDED.modality, t.modality),
                series_number = COALESCE(EXCLUDED.series_number, t.series_number),
                series_description = COALESCE(EXCLUDED.series_description, t.series_description),
                body_part_examined = COALESCE(EXCLUDED.body_part_examined, t.body_part_examined),
                series_date = COALESCE(EXCLUDED.series_date, t.series_date),
                series_time = COALESCE(EXCLUDED.series_time, t.series_time),
                updated_at = now()
            RETURNING pk, (xmax = 0) AS inserted""";

    /*
     * The counters and SOP classes of V7, kept here so that queries never count instances. A new instance adds one
     * to its series and study (and its series to the study when the upsert created it); both rows are already
     * locked by the upserts of this transaction.
     */
    private static final String COUNT_SERIES_INSTANCE =
            "UPDATE series SET number_of_instances = number_of_instances + 1 WHERE pk = ?";
    private static final String COUNT_STUDY_INSTANCE = """
            UPDATE studies SET number_of_instances = number_of_instances + 1,
                number_of_series = number_of_series + CASE WHEN ? THEN 1 ELSE 0 END,
                sop_classes_in_study = CASE WHEN ? = ANY(sop_classes_in_study) THEN sop_classes_in_study
                    ELSE ARRAY(SELECT DISTINCT c FROM unnest(array_append(sop_classes_in_study, ?)) c ORDER BY 1) END
            WHERE pk = ?""";
    /* A new version may change its SOP class or series: count the series and studies it leaves and joins anew. */
    private static final String RECOUNT_SERIES = """
            UPDATE series se SET number_of_instances = (SELECT count(*) FROM instances i WHERE i.series_fk = se.pk)
            WHERE se.pk IN (?, ?)""";
    private static final String RECOUNT_STUDIES = """
            UPDATE studies st SET
                number_of_series = (SELECT count(*) FROM series se WHERE se.study_fk = st.pk),
                number_of_instances = (SELECT COALESCE(sum(se.number_of_instances), 0) FROM series se
                                       WHERE se.study_fk = st.pk),
                sop_classes_in_study = ARRAY(SELECT DISTINCT i.sop_class_uid FROM instances i
                                             JOIN series se ON se.pk = i.series_fk WHERE se.study_fk = st.pk ORDER BY 1)
            WHERE st.pk IN (SELECT study_fk FROM series WHERE pk IN (?, ?))""";

    /** The instance columns written from a record, in binding order (see {@link #bindInstance}). */
    private static final String INSTANCE_COLUMNS = """
            series_fk, sop_instance_uid, sop_class_uid, instance_number, number_of_frames, pixel_rows,
            pixel_columns, acquisition_datetime, transfer_syntax_uid, size_bytes, sha256, blob_key, arrived_at,
            calling_ae_title, institution_code, metadata, acquisition_at, acquisition_source, timeliness,
            lateness_seconds, required_field_count, missing_fields, defects, arrived_lossless, pixels_decodable_here""";
    private static final String INSTANCE_PLACEHOLDERS =
            String.join(", ", Collections.nCopies(INSTANCE_COLUMNS.split(",").length, "?"));

    private static final String INSERT_INSTANCE = "INSERT INTO instances (" + INSTANCE_COLUMNS + ") VALUES ("
            + INSTANCE_PLACEHOLDERS + ") ON CONFLICT (sop_instance_uid) DO NOTHING RETURNING pk";

    private static final String ARCHIVE_INSTANCE = "INSERT INTO instance_versions (instance_fk, version, "
            + INSTANCE_COLUMNS + ", received_sha256) SELECT pk, version, " + INSTANCE_COLUMNS
            + ", received_sha256 FROM instances WHERE pk = ?";

    private static final String REPLACE_INSTANCE = "UPDATE instances SET (" + INSTANCE_COLUMNS + ") = ("
            + INSTANCE_PLACEHOLDERS + "), version = version + 1, received_sha256 = NULL WHERE pk = ?";

    /**
     * See V5__compression_queue.sql and V15: a new version replaces the queued blob of an older one and is due at once;
     * a worker still compressing the older blob loses its claim and its result is discarded.
     */
    private static final String QUEUE_COMPRESSION = """
            INSERT INTO compression_queue (instance_fk, blob_key) SELECT pk, blob_key FROM instances
            WHERE sop_instance_uid = ?
            ON CONFLICT (instance_fk) DO UPDATE SET blob_key = EXCLUDED.blob_key, queued_at = now(), attempts = 0,
                last_error = NULL, retry_at = NULL, claim_id = NULL, claimed_by = NULL, lease_until = NULL""";

    /**
     * See V10__qc_pipeline.sql: every new instance or version bumps its study's QC job, in this transaction, so no
     * stored instance can lack a job and a job judged before the instance arrived is judged again.
     */
    private static final String QUEUE_QC = """
            INSERT INTO qc_jobs AS j (study_fk) VALUES (?)
            ON CONFLICT (study_fk) DO UPDATE SET generation = j.generation + 1, last_instance_at = now(),
                attempts = 0, retry_at = NULL, last_error = NULL""";

    StoreOutcome record(Connection connection, InstanceRecord record) throws SQLException {
        String sopInstanceUid = record.instance().sopInstanceUid();
        Long existing = null;
        long previousSeriesPk = 0;
        try (PreparedStatement s = connection.prepareStatement(LOCK_EXISTING)) {
            s.setString(1, sopInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString("sha256").equals(record.stored().sha256())) {
                        return StoreOutcome.DUPLICATE;
                    }
                    existing = rs.getLong("pk");
                    previousSeriesPk = rs.getLong("series_fk");
                }
            }
        }
        long patientPk = upsertPatient(connection, record.patient());
        long studyPk = upsertStudy(connection, patientPk, record);
        UpsertedSeries series = upsertSeries(connection, studyPk, record.series());
        long seriesPk = series.pk();
        if (existing == null) {
            try (PreparedStatement s = connection.prepareStatement(INSERT_INSTANCE)) {
                bindInstance(new Binder(s), seriesPk, record);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new RetryableConflict("instance " + sopInstanceUid
                                + " was inserted by a concurrent transaction");
                    }
                }
            }
            countNewInstance(connection, studyPk, series, record.instance().sopClassUid());
            queueCompressionIfWanted(connection, record);
            queueQc(connection, studyPk);
            return StoreOutcome.NEW;
        }
        try (PreparedStatement s = connection.prepareStatement(ARCHIVE_INSTANCE)) {
            s.setLong(1, existing);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement(REPLACE_INSTANCE)) {
            bindInstance(new Binder(s), seriesPk, record).bigint(existing);
            s.executeUpdate();
        }
        recount(connection, previousSeriesPk, seriesPk);
        queueCompressionIfWanted(connection, record);
        queueQc(connection, studyPk);
        return StoreOutcome.NEW_VERSION;
    }

    private record UpsertedSeries(long pk, boolean inserted) {
    }

    private static void countNewInstance(Connection connection, long studyPk, UpsertedSeries series,
                                         String sopClassUid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(COUNT_SERIES_INSTANCE)) {
            s.setLong(1, series.pk());
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement(COUNT_STUDY_INSTANCE)) {
            new Binder(s).bool(series.inserted()).text(sopClassUid).text(sopClassUid).bigint(studyPk);
            s.executeUpdate();
        }
    }

    private static void queueQc(Connection connection, long studyPk) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(QUEUE_QC)) {
            s.setLong(1, studyPk);
            s.executeUpdate();
        }
    }

    private static void recount(Connection connection, long previousSeriesPk, long seriesPk) throws SQLException {
        for (String sql : new String[] {RECOUNT_SERIES, RECOUNT_STUDIES}) {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setLong(1, previousSeriesPk);
                s.setLong(2, seriesPk);
                s.executeUpdate();
            }
        }
    }

    private static void queueCompressionIfWanted(Connection connection, InstanceRecord record) throws SQLException {
        if (!record.stored().awaitsCompression()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(QUEUE_COMPRESSION)) {
            s.setString(1, record.instance().sopInstanceUid());
            s.executeUpdate();
        }
    }

    private static long upsertPatient(Connection connection, InstanceRecord.Patient p) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPSERT_PATIENT)) {
            Binder b = new Binder(s).text(p.patientId()).text(p.issuerOfPatientId());
            PersonNameColumns.bind(b, p.name());
            b.date(p.birthDate()).text(p.sex());
            return returnedKey(s);
        }
    }

    private static long upsertStudy(Connection connection, long patientPk, InstanceRecord r) throws SQLException {
        InstanceRecord.Study st = r.study();
        try (PreparedStatement s = connection.prepareStatement(UPSERT_STUDY)) {
            Binder b = new Binder(s).bigint(patientPk).text(st.studyInstanceUid()).date(st.studyDate())
                    .time(st.studyTime()).text(st.accessionNumber()).text(st.studyId()).text(st.description());
            PersonNameColumns.bind(b, st.referringPhysicianName());
            b.text(st.institutionName()).text(r.arrival().institutionCode());
            return returnedKey(s);
        }
    }

    /** The series row, and whether this transaction created it ({@code xmax = 0} only on a fresh insert). */
    private static UpsertedSeries upsertSeries(Connection connection, long studyPk, InstanceRecord.Series se)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(UPSERT_SERIES)) {
            new Binder(s).bigint(studyPk).text(se.seriesInstanceUid()).text(se.modality()).integer(se.seriesNumber())
                    .text(se.description()).text(se.bodyPartExamined()).date(se.seriesDate()).time(se.seriesTime());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("upsert returned no key");
                }
                return new UpsertedSeries(rs.getLong(1), rs.getBoolean(2));
            }
        }
    }

    private static Binder bindInstance(Binder b, long seriesPk, InstanceRecord r) throws SQLException {
        InstanceRecord.Instance i = r.instance();
        return b.bigint(seriesPk).text(i.sopInstanceUid()).text(i.sopClassUid()).integer(i.instanceNumber())
                .integer(i.numberOfFrames()).integer(i.rows()).integer(i.columns()).timestamp(i.acquisitionDateTime())
                .text(r.stored().transferSyntaxUid()).bigint(r.stored().size()).text(r.stored().sha256())
                .text(r.stored().blobKey()).instant(r.arrival().arrivedAt()).text(r.arrival().callingAeTitle())
                .text(r.arrival().institutionCode()).text(r.metadataJson()).quality(r.quality())
                .bool(r.stored().pixelsDecodableHere());
    }

    private static long returnedKey(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("upsert returned no key");
            }
            return rs.getLong(1);
        }
    }
}
