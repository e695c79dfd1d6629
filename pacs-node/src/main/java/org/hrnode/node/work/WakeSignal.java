package org.hrnode.node.work;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wake-up that is not lost when it comes before the wait: {@link #wake} sets a flag, {@link #await} returns at once
 * if it is set (clearing it), else waits for it at most the given time.
 */
public final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;

    public void wake() {
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return whether woken (false: the time ran out) */
    public boolean await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = woken.awaitNanos(nanos);
            }
            pending = false;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
