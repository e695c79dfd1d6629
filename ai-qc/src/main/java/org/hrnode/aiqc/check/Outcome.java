package org.hrnode.aiqc.check;

/**
 * A check's verdict. {@link #WARN} is a value past the warning limit but not the failing one: it costs half the
 * check's points and never vetoes. {@link #NOT_APPLICABLE} says the check could not or need not run here (the
 * result says why), and costs nothing.
 */
public enum Outcome {
    PASS, WARN, FAIL, NOT_APPLICABLE;

    public boolean costs() {
        return this == WARN || this == FAIL;
    }
}
