package org.hrnode.node.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.audit.AuditTrail;

/**
 * Counts audited events by action and outcome on their way to the audit trail, so the metrics of stores (and their
 * failures by reason), queries and retrievals come from the same hooks as the audit: one place to instrument, and
 * the two can never disagree.
 */
public final class EventCounters implements AuditTrail {

    /** An action and a bounded outcome: {@code ok}, {@code refused:LOSSY}, {@code http 404}, {@code refused}. */
    public record Key(String action, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = action.compareTo(o.action);
            return c != 0 ? c : outcome.compareTo(o.outcome);
        }
    }

    private final AuditTrail next;
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public EventCounters(AuditTrail next) {
        this.next = next;
    }

    @Override
    public void record(AuditEvent event) {
        counts.computeIfAbsent(new Key(event.action(), boundedOutcome(event)), k -> new LongAdder()).increment();
        next.record(event);
    }

    /**
     * Ingest refusals carry an enum reason and HTTP failures a status: both few. Other failures (DIMSE) carry a
     * message: counting by message would make a metric series per message, so they count as their kind alone.
     */
    static String boundedOutcome(AuditEvent event) {
        String outcome = event.outcome();
        if (outcome.equals("ok") || outcome.startsWith("http ") || outcome.matches("refused:[A-Z_]{1,40}")) {
            return outcome;
        }
        int colon = outcome.indexOf(':');
        return colon < 0 ? outcome : outcome.substring(0, colon);
    }

    /** A consistent-enough copy for one scrape, sorted so the output is stable. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
