package org.hrnode.storage.qc;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/**
 * Reads a study as the QC pipeline judges it ({@link QcStudySnapshot}), in one transaction so instances and study
 * facts agree. Headers are held in memory (a few kilobytes each); pixels stay in the blob store.
 */
public final class QcStudies {

    private static final String STUDY = """
            SELECT study_instance_uid, institution_code, study_date FROM studies WHERE pk = ?""";

    private static final String INSTANCES = """
            SELECT se.series_instance_uid, i.sop_instance_uid, i.transfer_syntax_uid, i.blob_key, i.metadata,
                   i.timeliness, i.acquisition_at, q.instance_fk IS NOT NULL
            FROM instances i JOIN series se ON se.pk = i.series_fk
                 LEFT JOIN compression_queue q ON q.instance_fk = i.pk
            WHERE se.study_fk = ?
            ORDER BY se.series_number NULLS LAST, se.pk, i.instance_number NULLS LAST, i.pk""";

    private final Transactor transactor;

    public QcStudies(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /** The study with its current instances; empty when it no longer exists. */
    public Optional<QcStudySnapshot> snapshot(long studyPk) {
        return transactor.inTransaction("read a study for QC", connection -> {
            String uid;
            String institution;
            Date studyDate;
            try (PreparedStatement s = connection.prepareStatement(STUDY)) {
                s.setLong(1, studyPk);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<QcStudySnapshot>empty();
                    }
                    uid = rs.getString(1);
                    institution = rs.getString(2);
                    studyDate = rs.getDate(3);
                }
            }
            List<QcStudySnapshot.Instance> instances = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(INSTANCES)) {
                s.setLong(1, studyPk);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp acquired = rs.getTimestamp(7);
                        instances.add(new QcStudySnapshot.Instance(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                acquired == null ? null : acquired.toInstant(), rs.getBoolean(8)));
                    }
                }
            }
            return Optional.of(new QcStudySnapshot(uid, institution,
                    studyDate == null ? null : studyDate.toLocalDate(), instances));
        });
    }
}
