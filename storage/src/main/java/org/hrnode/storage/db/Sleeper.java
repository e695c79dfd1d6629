package org.hrnode.storage.db;

import java.time.Duration;

/** Waits between retries; behind an interface so tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
