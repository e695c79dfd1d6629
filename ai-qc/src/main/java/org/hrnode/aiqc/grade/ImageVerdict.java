package org.hrnode.aiqc.grade;

import java.util.List;
import org.hrnode.aiqc.check.CheckResult;

/** One judged image: 100 minus its image-level deductions, and every result measured on it. */
public record ImageVerdict(String sopInstanceUid, double score, List<CheckResult> results) {

    public ImageVerdict {
        results = List.copyOf(results);
    }
}
