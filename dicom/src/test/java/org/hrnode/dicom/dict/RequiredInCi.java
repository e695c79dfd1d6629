package org.hrnode.dicom.dict;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (pydicom, dcmtk's dictionary) skip where it is missing, loudly,
 * but fail on CI ({@code CI=true}), where a silent skip would let a stale dictionary through.
 */
final class RequiredInCi {

    private RequiredInCi() {
    }

    static void assumeAvailable(boolean available, String whatIsMissing) {
        if (available) {
            return;
        }
        String message = "SKIPPED, " + whatIsMissing + " (this test fails instead when CI=true)";
        if ("true".equals(System.getenv("CI"))) {
            fail(whatIsMissing + " (required because CI=true)");
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
    }
}
