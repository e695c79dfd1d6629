package org.hrnode.storage.qc;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the recognition registry: the institution is recognised for catalogue item {@code itemNo} from
 * {@code from} until {@code until} (both days included; null = open-ended).
 */
public record RecognitionEntry(int itemNo, LocalDate from, LocalDate until) {

    public RecognitionEntry {
        Objects.requireNonNull(from, "from");
        if (itemNo < 1) {
            throw new IllegalArgumentException("catalogue item numbers start at 1, got " + itemNo);
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("recognition of item " + itemNo + " ends (" + until
                    + ") before it starts (" + from + ")");
        }
    }
}
