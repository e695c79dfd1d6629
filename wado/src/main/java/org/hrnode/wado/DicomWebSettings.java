package org.hrnode.wado;

import java.util.List;
import java.util.Objects;

/**
 * How the DICOMweb service behaves, from the node's configuration.
 *
 * @param corsAllowedOrigins origins a browser may call from ({@code *} for any); empty: no CORS headers
 */
public record DicomWebSettings(List<String> corsAllowedOrigins) {

    public DicomWebSettings {
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
    }

    public static DicomWebSettings defaults() {
        return new DicomWebSettings(List.of());
    }
}
