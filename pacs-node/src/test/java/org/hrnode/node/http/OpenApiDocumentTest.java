package org.hrnode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document names every {@code /api} endpoint the node's resources declare, and nothing else. */
class OpenApiDocumentTest {

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class,
            "post", PUT.class, "put", DELETE.class, "delete");

    @Test
    void everyApiEndpointIsDocumentedAndEveryDocumentedOneExists() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as(OpenApiResource.DOCUMENT).isNotNull();
            doc = new ObjectMapper().readTree(in);
        }
        List<String> declared = declaredEndpoints();
        assertThat(declared).as("the resources were found").hasSizeGreaterThan(20);
        List<String> documented = new ArrayList<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(m -> documented.add(m.getKey() + " " + p.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(declared);
    }

    /** "get /api/qc/studies/{studyInstanceUid}" for each resource method under /api in this package. */
    private static List<String> declaredEndpoints() throws Exception {
        URL here = OpenApiResource.class.getResource("OpenApiResource.class");
        List<String> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> classes = Files.list(Paths.get(here.toURI()).getParent())) {
            for (java.nio.file.Path f : classes.filter(c -> c.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(OpenApiResource.class.getPackageName() + "." + name);
                Path root = type.getAnnotation(Path.class);
                if (root == null || !root.value().startsWith("/api")) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    for (var e : METHODS.entrySet()) {
                        if (m.isAnnotationPresent(e.getKey())) {
                            Path sub = m.getAnnotation(Path.class);
                            out.add(e.getValue() + " " + root.value() + (sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
