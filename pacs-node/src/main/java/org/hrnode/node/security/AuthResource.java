package org.hrnode.node.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.hrnode.node.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/auth/login}: a local account's console login (password and, once enrolled, TOTP code) in exchange
 * for a session token; {@code GET /api/auth/me}: who the caller is and whether it may see patient identifiers.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {

    private static final Logger LOG = LoggerFactory.getLogger(AuthResource.class);

    /** The login body. */
    public record Login(String username, String password, String totp) {
    }

    /** @param token for {@code Authorization: Bearer} */
    public record Session(String token, long expiresInSeconds, String username, List<String> roles,
            String institution) {
    }

    /** @param mayViewIdentifiers whether patient names and IDs are shown to this caller unmasked */
    public record Me(String username, List<String> roles, String institution, boolean mayViewIdentifiers,
            String authenticatedBy) {
    }

    private final Authenticator authenticator;
    private final boolean production;

    public AuthResource(Authenticator authenticator, boolean production) {
        this.authenticator = authenticator;
        this.production = production;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login) {
        if (login == null || login.username() == null || login.password() == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body must be {\"username\", \"password\", "
                    + "\"totp\"}");
        }
        try {
            NodePrincipal p = authenticator.login(login.username(), login.password().toCharArray(), login.totp(),
                    production);
            LOG.info("event=login user={} roles={}", p.name(), p.roles());
            return Response.ok(new Session(authenticator.sessions().issue(p), SessionTokens.LIFETIME.toSeconds(),
                    p.name(), claims(p), p.institution().orElse(null))).build();
        } catch (AuthenticationException e) {
            // the user name is the caller's claim, not yet an identity: logged so repeated guessing shows
            LOG.info("event=login_refused user={} reason=\"{}\"", safe(login.username()), e.getMessage());
            return ApiError.response(Response.Status.UNAUTHORIZED, e.getMessage());
        }
    }

    @GET
    @Path("/me")
    public Me me(@Context SecurityContext caller) {
        NodePrincipal p = (NodePrincipal) caller.getUserPrincipal();
        return new Me(p.name(), claims(p), p.institution().orElse(null), Privacy.mayViewIdentifiers(p),
                p.authenticatedBy());
    }

    private static List<String> claims(NodePrincipal p) {
        return p.roles().stream().map(Role::claim).sorted().toList();
    }

    /** A user name as typed may hold anything: only the account-name alphabet reaches the log. */
    private static String safe(String username) {
        String s = username.replaceAll("[^A-Za-z0-9._@-]", "?");
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
