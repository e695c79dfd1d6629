package org.hrnode.node.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a state another process or thread reaches in its own time (a node finishing with a connection), checking
 * a bounded number of times; fails naming what did not happen.
 */
public final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long checks = Math.max(1, timeout.toMillis() / INTERVAL.toMillis());
        for (long i = 0; i < checks; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(INTERVAL);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("not within " + timeout + ": " + what);
        }
    }
}
