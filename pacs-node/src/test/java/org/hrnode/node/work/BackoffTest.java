package org.hrnode.node.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void doublesPerEarlierFailureUpToTheCeiling() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.after(5)).as("16 min capped").isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesACeilingBelowTheFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
