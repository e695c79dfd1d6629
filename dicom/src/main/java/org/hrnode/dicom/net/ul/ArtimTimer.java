package org.hrnode.dicom.net.ul;

import java.time.Duration;

/**
 * The Association Request/Reject/Release timer of PS3.8 §9.1.5: a virtual thread that sleeps for the timeout
 * and then fires Evt18, unless stopped first. No polling: stopping interrupts the sleeper, and a generation
 * counter makes sure a sleeper that was already waking up after {@link #stop()} does not fire.
 */
final class ArtimTimer {

    private final String name;
    private final Runnable onExpiry;
    private Thread sleeper;
    private long generation;

    ArtimTimer(String name, Runnable onExpiry) {
        this.name = name;
        this.onExpiry = onExpiry;
    }

    /** Starts, or restarts, the timer. */
    synchronized void start(Duration timeout) {
        stop();
        long mine = generation;
        sleeper = Thread.ofVirtual().name("artim-" + name).start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                return;
            }
            if (stillCurrent(mine)) {
                onExpiry.run();
            }
        });
    }

    synchronized void stop() {
        generation++;
        if (sleeper != null) {
            sleeper.interrupt();
            sleeper = null;
        }
    }

    synchronized boolean isRunning() {
        return sleeper != null;
    }

    private synchronized boolean stillCurrent(long mine) {
        if (mine != generation) {
            return false;
        }
        sleeper = null;
        return true;
    }
}
