package org.hrnode.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.PostgresAeRegistry;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactorTest {

    private static final RetryPolicy FOUR_TRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(25));

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;

    @BeforeEach
    void empty() {
        TestDatabase.reset();
    }

    @Test
    void serializationFailuresAreRetriedAfterJitteredWaitsWithinTheCaps() {
        Transactor transactor = new Transactor(TestDatabase.dataSource(), FOUR_TRIES, recordingSleeper);
        AtomicInteger runs = new AtomicInteger();

        String result = transactor.inTransaction("flaky work", c -> {
            if (runs.incrementAndGet() < 4) {
                throw new SQLException("could not serialize access", "40001");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(10));
        assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(20));
        assertThat(waits.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(25));
    }

    @Test
    void retriesAreBounded() {
        Transactor transactor = new Transactor(TestDatabase.dataSource(), FOUR_TRIES, recordingSleeper);

        assertThatThrownBy(() -> transactor.inTransaction("hopeless work", c -> {
            throw new SQLException("deadlock detected", "40P01");
        })).isInstanceOf(IndexException.class).hasMessageContaining("hopeless work").hasMessageContaining("4 attempts");
        assertThat(waits).hasSize(3);
    }

    @Test
    void otherFailuresAreNotRetriedAndTheirEffectsAreRolledBack() {
        Transactor transactor = new Transactor(TestDatabase.dataSource(), FOUR_TRIES, recordingSleeper);
        PostgresAeRegistry registry = new PostgresAeRegistry(transactor);

        assertThatThrownBy(() -> transactor.inTransaction("insert then fail", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO application_entities"
                    + " (ae_title, host, port, institution_code, institution_name) VALUES ('X', 'h', 1, 'c', 'n')")) {
                s.executeUpdate();
            }
            throw new SQLException("duplicate key", "23505");
        })).isInstanceOf(IndexException.class).isNotInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("23505");
        assertThat(waits).isEmpty();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void unreachableDatabaseIsUnavailable() {
        Transactor transactor = new Transactor(new org.hrnode.storage.testing.RefusingDataSource(), FOUR_TRIES, recordingSleeper);

        assertThatThrownBy(() -> transactor.inTransaction("anything", c -> 1))
                .isInstanceOf(IndexUnavailableException.class).hasMessageContaining("anything");
        assertThat(waits).isEmpty();
    }

    @Test
    void aRealDeadlockIsDetectedRetriedAndBothTransactionsCommit() throws Exception {
        PostgresAeRegistry registry = new PostgresAeRegistry(new Transactor(TestDatabase.dataSource()));
        registry.put(new ApplicationEntity("A", "h", 1, "c", "n", null, false));
        registry.put(new ApplicationEntity("B", "h", 1, "c", "n", null, false));
        Transactor transactor = new Transactor(TestDatabase.dataSource());
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> ab = pool.submit(() -> lockBoth(transactor, "A", "B", bothHoldOneLock));
            Future<Integer> ba = pool.submit(() -> lockBoth(transactor, "B", "A", bothHoldOneLock));

            assertThat(ab.get() + ba.get()).as("runs in all: one of them was retried").isEqualTo(3);
            assertThat(registry.find("A").orElseThrow().port()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Locks {@code first} then {@code second}; on its first run waits at the barrier in between. */
    private static int lockBoth(Transactor transactor, String first, String second, CyclicBarrier barrier) {
        AtomicInteger runs = new AtomicInteger();
        transactor.inTransaction("lock " + first + " then " + second, c -> {
            increment(c, first);
            if (runs.incrementAndGet() == 1) {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            increment(c, second);
            return null;
        });
        return runs.get();
    }

    private static void increment(Connection c, String aeTitle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE application_entities SET port = port + 1 WHERE ae_title = ?")) {
            s.setString(1, aeTitle);
            s.executeUpdate();
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(50));
        java.util.function.LongUnaryOperator largest = bound -> bound - 1;

        assertThat(policy.backoff(1, largest)).isEqualTo(Duration.ofMillis(10).minusNanos(1));
        assertThat(policy.backoff(3, largest)).isEqualTo(Duration.ofMillis(40).minusNanos(1));
        assertThat(policy.backoff(9, largest)).isEqualTo(Duration.ofMillis(50).minusNanos(1));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
