package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each endpoint class against each role: {@code Y} allowed, {@code -} refused. Columns: uploader, viewer, reviewer,
 * admin. A change of the table that opens or closes an endpoint for a role fails here.
 */
class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1}: uploader={2} viewer={3} reviewer={4} admin={5}")
    @CsvSource({
            "POST,   /dicomweb/studies,                                    Y, -, -, -",
            "POST,   /dicomweb/studies/1.2.3,                              Y, -, -, -",
            "GET,    /dicomweb/studies,                                    -, Y, Y, -",
            "GET,    /dicomweb/studies/1.2.3/series,                       -, Y, Y, -",
            "GET,    /dicomweb/studies/1.2.3/metadata,                     -, Y, Y, -",
            "GET,    /dicomweb/studies/1.2.3/series/4/instances/5/frames/1, -, Y, Y, -",
            "GET,    /dicomweb/studies/1.2.3/rendered,                     -, Y, Y, -",
            "GET,    /wado,                                                -, Y, Y, -",
            "DELETE, /dicomweb/studies/1.2.3,                              -, -, -, -",
            "GET,    /api/studies/1.2.3/status,                            Y, -, Y, Y",
            "GET,    /api/qc/studies/1.2.3,                                -, -, Y, Y",
            "POST,   /api/qc/studies/1.2.3/decision,                       -, -, Y, Y",
            "GET,    /api/qc/backlog,                                      -, -, Y, Y",
            "POST,   /api/qc/catalog/match,                                -, -, Y, Y",
            "PUT,    /api/qc/catalog/mappings/510000-RM,                   -, -, -, Y",
            "DELETE, /api/qc/recognition/510000-RM,                        -, -, -, Y",
            "GET,    /api/qc/recognition,                                  -, -, Y, Y",
            "GET,    /console,                                             -, -, Y, Y",
            "GET,    /api/console/worklist,                                -, -, Y, Y",
            "POST,   /api/console/studies/1.2.3/decisions,                 -, -, Y, -",
            "POST,   /api/console/studies/1.2.3/rerun,                     -, -, Y, -",
            "GET,    /api/console/export,                                  -, -, Y, Y",
            "GET,    /api/openapi.json,                                    Y, Y, Y, Y",
            "GET,    /console/studies,                                     -, -, Y, Y",
            "GET,    /api/quality/institutions/510000-RM,                  -, -, Y, Y",
            "GET,    /api/reports/monthly,                                 -, -, Y, Y",
            "POST,   /api/reports,                                         Y, -, -, -",
            "POST,   /api/reports/cancellations,                           Y, -, -, -",
            "POST,   /api/recognition/consents,                            -, Y, -, -",
            "POST,   /api/recognition/exams,                               -, Y, -, -",
            "POST,   /api/recognition/decisions,                           -, Y, -, -",
            "GET,    /api/recognition/statistics,                          -, Y, Y, Y",
            "PUT,    /api/admin/ae/RMYY_CT,                                -, -, -, Y",
            "GET,    /api/audit/verify,                                    -, -, -, Y",
            "GET,    /metrics,                                             -, -, -, Y",
            "GET,    /api/something-new,                                   -, -, -, -",
            "GET,    /api/auth/me,                                         Y, Y, Y, Y"})
    void roleTable(String method, String path, String uploader, String viewer, String reviewer, String admin) {
        assertThat(allows(Role.UPLOADER, method, path)).as("uploader").isEqualTo("Y".equals(uploader));
        assertThat(allows(Role.VIEWER, method, path)).as("viewer").isEqualTo("Y".equals(viewer));
        assertThat(allows(Role.REVIEWER, method, path)).as("reviewer").isEqualTo("Y".equals(reviewer));
        assertThat(allows(Role.ADMIN, method, path)).as("admin").isEqualTo("Y".equals(admin));
    }

    @Test
    void healthAndLoginAndCorsPreflightAreOpenEverythingElseNeedsARule() {
        assertThat(AccessRules.ruleFor("GET", "/api/health")).hasValueSatisfying(r -> assertThat(r.isPublic()).isTrue());
        assertThat(AccessRules.ruleFor("GET", "/healthz")).hasValueSatisfying(r -> assertThat(r.isPublic()).isTrue());
        assertThat(AccessRules.ruleFor("POST", "/api/auth/login"))
                .hasValueSatisfying(r -> assertThat(r.isPublic()).isTrue());
        assertThat(AccessRules.ruleFor("OPTIONS", "/dicomweb/studies"))
                .hasValueSatisfying(r -> assertThat(r.isPublic()).isTrue());
        assertThat(AccessRules.ruleFor("POST", "/api/health")).isEmpty();
        assertThat(AccessRules.ruleFor("GET", "/api/unknown")).isEmpty();
        assertThat(AccessRules.ruleFor("GET", "/dicomwebX/studies")).isEmpty();
    }

    private static boolean allows(Role role, String method, String path) {
        return AccessRules.allows(new NodePrincipal("u", EnumSet.of(role), Optional.of("510000-RM"), "jwt"), method,
                path);
    }
}
