package org.hrnode.aiqc.pipeline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An institution's recognition for one catalogue item (the registry of which institutions passed the quality
 * centre's evaluation for which items, 川渝 spec §6.4), valid from a day until a day, both included.
 *
 * @param until the last day, or null while it lasts
 */
public record Recognition(int itemNo, LocalDate from, LocalDate until) {

    public Recognition {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("recognition of item " + itemNo + " ends (" + until
                    + ") before it starts (" + from + ")");
        }
    }

    /** Whether it was in force on {@code day}. */
    public boolean coversDay(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }
}
