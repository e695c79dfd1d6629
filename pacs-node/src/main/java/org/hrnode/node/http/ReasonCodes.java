package org.hrnode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Optional;
import org.hrnode.aiqc.pipeline.NonRecognitionReason;

/** The Xinjiang non-recognition dictionary (1-10) as the console names and reads it. */
final class ReasonCodes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReasonCodes() {
    }

    /** The dictionary's name of {@code code}, or null for none. */
    static String name(Integer code) {
        if (code == null) {
            return null;
        }
        return Arrays.stream(NonRecognitionReason.values()).filter(r -> r.code() == code).findFirst()
                .map(NonRecognitionReason::dictionaryName).orElse(null);
    }

    /** The first dictionary code among a stored result's reasons ({@code [{"xinjiangCode":6,…}]}). */
    static Optional<Integer> firstOf(String reasonsJson) {
        try {
            for (JsonNode r : JSON.readTree(reasonsJson)) {
                if (r.path("xinjiangCode").isInt()) {
                    return Optional.of(r.path("xinjiangCode").intValue());
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
