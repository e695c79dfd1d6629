package org.hrnode.node.qc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.hrnode.storage.qc.QcResults;
import org.hrnode.wado.StudyMarks;

/**
 * The "川渝 HR" mark for DICOMweb from the stored QC results ({@code qc_results.hr_eligible}, lapsing after the
 * recognition window's last day, in the node's time zone). Rendering asks once per
 * frame, so answers are cached: an entry is dropped when this node stores a new result for the study
 * ({@link #invalidate}) and expires after {@code maxAge}, which bounds how long a result stored by another node on
 * the same database goes unseen. At most {@value #MAX_ENTRIES} studies are cached; when full, the cache starts over.
 */
public final class QcStudyMarks implements StudyMarks {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(boolean marked, LocalDate day, long loadedAtNanos) {
    }

    private final QcResults results;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    public QcStudyMarks(QcResults results, Duration maxAge, Clock clock, ZoneId zone) {
        this(results, maxAge, clock, zone, System::nanoTime);
    }

    QcStudyMarks(QcResults results, Duration maxAge, Clock clock, ZoneId zone, LongSupplier nanoTime) {
        this.results = Objects.requireNonNull(results, "results");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public boolean hasHrMark(String studyInstanceUid) {
        long now = nanoTime.getAsLong();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Entry e = cache.get(studyInstanceUid);
        if (e != null && e.day().equals(today) && now - e.loadedAtNanos() < maxAgeNanos) {
            return e.marked();
        }
        long invalidationsBefore = invalidations.get();
        boolean marked = results.hrEligibleOn(studyInstanceUid, today);
        if (invalidations.get() != invalidationsBefore) {
            // a result was stored while we read: what we read may predate it, so it is not cached
            return marked;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(studyInstanceUid, new Entry(marked, today, now));
        return marked;
    }

    /** Forgets the cached answer for a study whose result just changed. */
    public void invalidate(String studyInstanceUid) {
        invalidations.incrementAndGet();
        cache.remove(studyInstanceUid);
    }
}
