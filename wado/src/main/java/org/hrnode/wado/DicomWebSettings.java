package org.hrnode.wado;

import java.util.List;
import java.util.Objects;

/**
 * How the DICOMweb service behaves, from the node's configuration.
 *
 * @param corsAllowedOrigins origins a browser may call from ({@code *} for any); empty: no CORS headers
 * @param qidoMaxResults     the most matches one QIDO-RS response holds; a search matching more is cut there and
 *                           answered with a Warning header (PS3.18 §8.3.4.4)
 */
public record DicomWebSettings(List<String> corsAllowedOrigins, int qidoMaxResults) {

    /** Enough for any series a viewer lists instance by instance; bounds what one response holds in memory. */
    public static final int DEFAULT_QIDO_MAX_RESULTS = 5000;

    public DicomWebSettings {
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
        if (qidoMaxResults < 1) {
            throw new IllegalArgumentException("qidoMaxResults must be at least 1, got " + qidoMaxResults);
        }
    }

    public static DicomWebSettings defaults() {
        return new DicomWebSettings(List.of(), DEFAULT_QIDO_MAX_RESULTS);
    }

    /** These settings with another QIDO-RS maximum. */
    public DicomWebSettings withQidoMaxResults(int maxResults) {
        return new DicomWebSettings(corsAllowedOrigins, maxResults);
    }
}
