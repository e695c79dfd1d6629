package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The QC-centre console's page and its static files ({@code /console}, from the classpath folder {@value #ROOT}).
 * Only plain file names are served, so no request can reach another part of the classpath.
 */
@Path("/console")
public final class ConsolePageResource {

    static final String ROOT = "/org/hrnode/node/console/";

    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "svg", "image/svg+xml");

    /** {@code /console} and {@code /console/} alike (the page links its files by absolute path). */
    @GET
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("/{file}")
    public Response file(@PathParam("file") String file) {
        if (!FILE.matcher(file).matches()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no console file " + file);
        }
        InputStream in = ConsolePageResource.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            return ApiError.response(Response.Status.NOT_FOUND, "no console file " + file);
        }
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        return Response.ok(in, type).header("Cache-Control", "no-cache").build();
    }
}
