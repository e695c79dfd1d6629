package org.hrnode.node.quality;

/**
 * The timeliness verdict for one instance (QCspec §7.1.1: upload to the cloud within one hour of the examination).
 * Never a reason to refuse an object: it is recorded and counted.
 */
public enum Timeliness {
    /** Arrived within the lateness limit of its acquisition. */
    ON_TIME,
    /** Arrived later than the lateness limit after its acquisition. */
    LATE,
    /** The object states no usable acquisition time: a completeness defect, timeliness cannot be judged. */
    UNKNOWN,
    /** The object says it was acquired after it arrived (beyond a small tolerance): a clock is wrong somewhere. */
    CLOCK_SKEW;

    /**
     * A series' or study's verdict from its instances' (null for an instance stored before timeliness was judged):
     * any LATE makes it late; else any unknown; else any clock skew; else on time. The SQL of the quality report
     * ({@code PostgresQualityStatistics}) applies the same order.
     */
    public static Timeliness worstOf(Iterable<String> verdicts) {
        boolean unknown = false;
        boolean skew = false;
        for (String v : verdicts) {
            if (LATE.name().equals(v)) {
                return LATE;
            }
            unknown |= v == null || UNKNOWN.name().equals(v);
            skew |= CLOCK_SKEW.name().equals(v);
        }
        return unknown ? UNKNOWN : skew ? CLOCK_SKEW : ON_TIME;
    }
}
