package org.hrnode.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one Jackson configuration of the HTTP API: times as ISO-8601 text ({@code 2025-03-01T02:00:00Z},
 * {@code 2025-03-01}), never epoch numbers, and nulls written out so a client sees "not measured" as null rather
 * than a missing field.
 */
@Provider
public final class JsonMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = create();

    /** A mapper with the API's settings, also for tests and the CLI. */
    public static ObjectMapper create() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
