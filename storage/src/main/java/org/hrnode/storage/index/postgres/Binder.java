package org.hrnode.storage.index.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hrnode.storage.index.QualityFacts;

/**
 * Binds statement parameters in order, each with its SQL type, so a null binds as a null of the column's type rather
 * than as an untyped value PostgreSQL may refuse.
 */
final class Binder {

    private static final int[] QUALITY_COLUMN_TYPES = {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
        Types.BIGINT, Types.INTEGER, Types.ARRAY, Types.ARRAY, Types.BOOLEAN};

    private final PreparedStatement statement;
    private int index;

    Binder(PreparedStatement statement) {
        this.statement = statement;
    }

    Binder text(String value) throws SQLException {
        statement.setString(++index, value);
        return this;
    }

    Binder integer(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(++index, Types.INTEGER);
        } else {
            statement.setInt(++index, value);
        }
        return this;
    }

    Binder bool(boolean value) throws SQLException {
        statement.setBoolean(++index, value);
        return this;
    }

    Binder bigint(long value) throws SQLException {
        statement.setLong(++index, value);
        return this;
    }

    Binder date(LocalDate value) throws SQLException {
        return typed(value, Types.DATE);
    }

    Binder time(LocalTime value) throws SQLException {
        return typed(value, Types.TIME);
    }

    Binder timestamp(LocalDateTime value) throws SQLException {
        return typed(value, Types.TIMESTAMP);
    }

    /** A point in time, as {@code timestamptz}. */
    Binder instant(Instant value) throws SQLException {
        return typed(value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** The eight quality columns of an instance (see V3__instance_quality.sql), all null when {@code q} is. */
    Binder quality(QualityFacts q) throws SQLException {
        if (q == null) {
            for (int sqlType : QUALITY_COLUMN_TYPES) {
                statement.setNull(++index, sqlType);
            }
            return this;
        }
        instant(q.acquiredAt()).text(q.acquisitionSource()).text(q.timeliness());
        typed(q.latenessSeconds(), Types.BIGINT).integer(q.requiredFieldCount());
        textArray(q.missingFields()).textArray(q.defects());
        statement.setBoolean(++index, q.arrivedLossless());
        return this;
    }

    private Binder textArray(List<String> values) throws SQLException {
        return textArray(values.toArray(String[]::new));
    }

    /** A {@code text[]}; null binds SQL NULL. */
    Binder textArray(String[] values) throws SQLException {
        if (values == null) {
            statement.setNull(++index, Types.ARRAY);
        } else {
            statement.setArray(++index, statement.getConnection().createArrayOf("text", values));
        }
        return this;
    }

    /** A query parameter built by {@link QuerySqlBuilder}: never null; arrays become SQL arrays. */
    Binder any(Object value) throws SQLException {
        switch (value) {
            case String s -> text(s);
            case Integer i -> integer(i);
            case LocalDate d -> date(d);
            case LocalTime t -> time(t);
            case LocalDateTime dt -> timestamp(dt);
            case String[] texts -> statement.setArray(++index, statement.getConnection().createArrayOf("text", texts));
            case Integer[] ints -> statement.setArray(++index,
                    statement.getConnection().createArrayOf("integer", ints));
            default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
        }
        return this;
    }

    private Binder typed(Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(++index, sqlType);
        } else {
            statement.setObject(++index, value, sqlType);
        }
        return this;
    }
}
