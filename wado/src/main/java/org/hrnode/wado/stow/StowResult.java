package org.hrnode.wado.stow;

import java.util.Objects;

/** What became of one part of a STOW-RS request. */
public sealed interface StowResult {

    /**
     * The object is durably stored and indexed (or was already, byte for byte): it may be acknowledged.
     */
    record Stored(String sopClassUid, String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid)
            implements StowResult {

        public Stored {
            Objects.requireNonNull(sopClassUid, "sopClassUid");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
            Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        }
    }

    /**
     * Nothing of the object was stored.
     *
     * @param sopClassUid    as the part declared it, or null when it could not be read
     * @param sopInstanceUid as the part declared it, or null when it could not be read
     * @param failureReason  the Failure Reason (0008,1197), one of {@link FailureReasons}
     * @param reason         what was wrong, for a person (no patient data)
     * @param storageUnavailable whether storage itself is out of reach, so the rest of the request is not tried
     */
    record Failed(String sopClassUid, String sopInstanceUid, int failureReason, String reason,
            boolean storageUnavailable) implements StowResult {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        /** A failure of this object alone: the next part is worth trying. */
        public static Failed of(String sopClassUid, String sopInstanceUid, int failureReason, String reason) {
            return new Failed(sopClassUid, sopInstanceUid, failureReason, reason, false);
        }

        /** Whether the part identified its instance, so it can be listed in the Failed SOP Sequence. */
        public boolean identified() {
            return sopClassUid != null && sopInstanceUid != null;
        }
    }
}
