package org.hrnode.dicom.charset;

/**
 * Set once when a policy fallback decoded some value, read by dumps and audit. A volatile write that only ever
 * goes from false to true needs no compare-and-set; the read before it keeps later decodes from writing the
 * shared cache line again.
 */
final class FallbackFlag {

    private volatile boolean set;

    void set() {
        if (!set) {
            set = true;
        }
    }

    boolean isSet() {
        return set;
    }
}
