package org.hrnode.node.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurstDeferralTest {

    private static final long MS = 1_000_000L;
    private final BurstDeferral deferral = new BurstDeferral(Duration.ofMillis(250), Duration.ofSeconds(30));

    @Test
    void withNothingArrivingCompressionRunsAtOnce() {
        assertThat(deferral.waitBefore(5_000 * MS)).isZero();
    }

    @Test
    void whileImagesArriveCompressionWaitsForAQuarterSecondPause() {
        deferral.queued(1_000 * MS);
        assertThat(deferral.waitBefore(1_100 * MS)).isEqualTo(Duration.ofMillis(150));
        deferral.queued(1_200 * MS);
        assertThat(deferral.waitBefore(1_300 * MS)).isEqualTo(Duration.ofMillis(150));
        assertThat(deferral.waitBefore(1_450 * MS)).as("the burst paused").isZero();
    }

    @Test
    void underSustainedIngestItWaitsAtMostThirtySecondsThenRunsAlongsideUntilAPause() {
        long t = 0;
        deferral.queued(t);
        assertThat(deferral.waitBefore(t + 10 * MS)).isPositive();
        for (; t < 30_000 * MS; t += 100 * MS) {
            deferral.queued(t);
        }
        assertThat(deferral.waitBefore(t + 50 * MS)).as("30 s of deferral used up").isZero();
        deferral.queued(t + 100 * MS);
        assertThat(deferral.waitBefore(t + 150 * MS)).as("still the same burst").isZero();

        long pause = t + 1_000 * MS;
        assertThat(deferral.waitBefore(pause)).as("a pause ends the burst").isZero();
        deferral.queued(pause + 10 * MS);
        assertThat(deferral.waitBefore(pause + 20 * MS)).as("a new burst is let through again").isPositive();
    }
}
