package org.hrnode.dicom.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the calling thread, from HotSpot's per-thread counter. Unlike heap usage this is exact per
 * input and unaffected by garbage collection or other threads, so it can cap what one hostile input costs.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    static long allocatedByCurrentThread() {
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
