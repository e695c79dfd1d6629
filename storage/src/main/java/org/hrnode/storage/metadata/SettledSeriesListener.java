package org.hrnode.storage.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a subscriber which series have changed and then stayed quiet for {@link #QUIET}: it LISTENs on the channel
 * the V8 trigger NOTIFYs (one notification per committed transaction that changed a series' instances, whoever
 * wrote them: ingest, the compression worker, an import beside the running node) and holds each series back until
 * no notification for it came for that long, so a series arriving instance by instance is reported once, after its
 * last instance.
 *
 * <p>One thread (virtual) holds one connection of the pool and waits in {@code getNotifications(timeout)}; the
 * timeout doubles as the timer for quiet series. The subscriber runs on that thread. If the connection fails the
 * thread logs it and listens again after {@link #RETRY}; notifications sent meanwhile are lost, which costs only
 * that the next request rebuilds what they would have prompted.
 */
final class SettledSeriesListener implements AutoCloseable {

    static final String CHANNEL = "hrnode_series_changed";
    /** How long a series must be quiet before it is reported: longer than the gaps between a modality's sends. */
    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final int IDLE_WAIT_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(SettledSeriesListener.class);

    private final DataSource dataSource;
    private final Consumer<String> subscriber;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;

    private SettledSeriesListener(DataSource dataSource, Consumer<String> subscriber) {
        this.dataSource = dataSource;
        this.subscriber = subscriber;
        this.thread = Thread.ofVirtual().name("series-metadata-listener").unstarted(this::run);
    }

    /**
     * Starts listening; {@code subscriber} gets Series Instance UIDs, one call per settled series. Returns once the
     * LISTEN is in place (or, if the database does not answer, after {@link #RETRY}, listening later), so changes
     * committed after this returns are reported.
     */
    static SettledSeriesListener start(DataSource dataSource, Consumer<String> subscriber) {
        SettledSeriesListener listener = new SettledSeriesListener(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(subscriber, "subscriber"));
        listener.thread.start();
        try {
            listener.listening.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
    }

    private void run() {
        while (closed.getCount() > 0) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening.countDown();
                listen(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                LOG.warn("event=series_listener_failed retry_s={} reason=\"{}\"", RETRY.toSeconds(), e.getMessage());
                awaitClose(RETRY.toMillis());
            }
        }
    }

    private void listen(PGConnection pg) throws SQLException {
        Map<String, Long> pending = new LinkedHashMap<>();
        int wait = IDLE_WAIT_MILLIS;
        while (closed.getCount() > 0) {
            PGNotification[] notifications = pg.getNotifications(wait);
            long now = System.nanoTime();
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    pending.remove(n.getParameter());
                    pending.put(n.getParameter(), now);
                }
            }
            for (String series : settled(pending, now)) {
                deliver(series);
            }
            wait = pending.isEmpty() ? IDLE_WAIT_MILLIS : (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                    pending.values().iterator().next() + QUIET.toNanos() - System.nanoTime()));
        }
    }

    /** Removes and returns the series quiet for {@link #QUIET}; {@code pending} is in order of last notification. */
    private static List<String> settled(Map<String, Long> pending, long now) {
        List<String> settled = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (now - e.getValue() < QUIET.toNanos()) {
                break;
            }
            settled.add(e.getKey());
            it.remove();
        }
        return settled;
    }

    private void deliver(String series) {
        try {
            subscriber.accept(series);
        } catch (RuntimeException e) {
            LOG.warn("event=series_settled_handler_failed series_instance_uid={} reason=\"{}\"", series,
                    e.getMessage());
        }
    }

    private void awaitClose(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.countDown();
        }
    }

    /** Stops listening and waits (bounded) for the thread to end. */
    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(Duration.ofMillis(IDLE_WAIT_MILLIS * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
