package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.pdu.UserIdentityType;
import org.hrnode.dicom.net.service.FindSCU;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.testing.Dcmtk;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in production mode, driven as its users would: bearer tokens of an OIDC issuer and local-account logins
 * over HTTP, DCMTK storescu and our own SCU with DICOM user identity. Each role is refused what it must not do.
 */
class ProductionModeTest {

    private static final String RM = "510000-RM";
    private static final String CQ = "500000-CQ";
    private static final String UPLOADER_PASSWORD = "ct-gateway-secret-1";
    private static final String REVIEWER_PASSWORD = "qc-reviewer-secret-2";
    private static final byte[] REVIEWER_TOTP = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Node node;
    private static Jwks issuer;
    private static HttpClient client;

    @BeforeAll
    static void startProductionNode() throws Exception {
        issuer = new Jwks();
        Path jwks = issuer.writePublic(dir.resolve("jwks.json"));
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1", "--uncompressed", "accept",
                "--mode", "production", "--http-behind-tls-proxy", "true", "--jwt-jwks", jwks.toString(),
                "--jwt-issuer", Jwks.ISSUER, "--stow-ae-title", "RM_STOW"));
        node = Node.start(config, NodeStorage.openAsOwner(config, new InMemoryBlobStore()));
        for (String[] ae : new String[][] {{"RMYY_CT", RM}, {"RM_STOW", RM}, {"CQ_CT", CQ}, {"VIEWER_WS", RM}}) {
            node.storage().aeRegistry().put(new ApplicationEntity(ae[0], "127.0.0.1", 104, ae[1], "医院 " + ae[1],
                    "三级甲等", true));
        }
        PasswordHasher hasher = new PasswordHasher();
        Accounts accounts = node.storage().accounts();
        accounts.add(new Account("rmyy-ct", hasher.hash(UPLOADER_PASSWORD.toCharArray()), EnumSet.of(Role.UPLOADER),
                Optional.of(RM), Optional.empty()));
        accounts.add(new Account("qc.wang", hasher.hash(REVIEWER_PASSWORD.toCharArray()), EnumSet.of(Role.REVIEWER),
                Optional.empty(), Optional.of(REVIEWER_TOTP)));
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    // ---- HTTP

    private static HttpResponse<String> send(String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", method.equals("POST") && path.startsWith("/dicomweb")
                    ? "multipart/related; type=\"application/dicom\"; boundary=x" : "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int status(String method, String path, String token) throws Exception {
        return send(method, path, token, method.equals("GET") ? null : "--x--").statusCode();
    }

    private static String token(String role, String institution) {
        return issuer.token("user-" + role, List.of(role), institution);
    }

    @Test
    void healthIsOpenEverythingElseNeedsAToken() throws Exception {
        assertThat(status("GET", "/api/health", null)).isEqualTo(200);
        HttpResponse<String> r = send("GET", "/dicomweb/studies/1.2.3/metadata", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(status("GET", "/api/qc/backlog", null)).isEqualTo(401);
        assertThat(status("POST", "/dicomweb/studies", null)).isEqualTo(401);
    }

    @Test
    void pathsWithoutAnAccessRuleAreRefusedEvenToAdmins() throws Exception {
        assertThat(status("GET", "/api/not-yet-protected", token("admin", null))).isEqualTo(403);
        assertThat(status("GET", "/", token("admin", null))).isEqualTo(403);
    }

    @Test
    void encodedDotSegmentsCannotCarryAViewerIntoTheQcApi() throws Exception {
        String viewer = token("viewer", null);

        assertThat(status("GET", "/dicomweb/%2e%2e/api/qc/backlog", viewer)).isEqualTo(400);
        assertThat(status("GET", "/dicomweb/studies/%2E%2E/%2E%2E/../api/qc/backlog", viewer)).isIn(400, 403, 404);
        assertThat(status("GET", "/api/qc/backlog", viewer)).isEqualTo(403);
    }

    @Test
    void expiredWronglySignedAndWrongAudienceTokensAreUnauthorized() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());
        String forged = new Jwks().token("dr.li", List.of("viewer"), null);
        String otherApp = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null).audience("pacs-b").build());

        for (String token : List.of(expired, forged, otherApp, "garbage")) {
            assertThat(status("GET", "/dicomweb/studies/1.2.3/metadata", token)).as(token).isEqualTo(401);
        }
    }

    @Test
    void viewerQueriesAndRetrievesButCannotStoreOrReview() throws Exception {
        String viewer = token("viewer", null);

        assertThat(status("GET", "/dicomweb/studies/1.2.3/metadata", viewer)).isEqualTo(404);
        assertThat(status("POST", "/dicomweb/studies", viewer)).isEqualTo(403);
        assertThat(status("GET", "/api/qc/backlog", viewer)).isEqualTo(403);
    }

    @Test
    void uploaderStoresForItsOwnInstitutionOnly() throws Exception {
        int own = status("POST", "/dicomweb/studies", token("uploader", RM));
        assertThat(own).as("past the security filter into STOW-RS").isNotIn(401, 403);

        assertThat(status("POST", "/dicomweb/studies", token("uploader", CQ))).isEqualTo(403);
        assertThat(status("POST", "/dicomweb/studies", token("uploader", null))).isEqualTo(403);
        assertThat(status("GET", "/dicomweb/studies/1.2.3/metadata", token("uploader", RM))).isEqualTo(403);
        assertThat(status("GET", "/api/studies/1.2.3/status", token("uploader", RM))).isNotIn(401, 403);
    }

    @Test
    void reviewerUsesQcApisButCannotAdminister() throws Exception {
        String reviewer = token("reviewer", null);

        assertThat(status("GET", "/api/qc/backlog", reviewer)).isEqualTo(200);
        assertThat(status("PUT", "/api/qc/recognition/" + RM, reviewer)).isEqualTo(403);
        assertThat(status("DELETE", "/api/qc/catalog/mappings/" + RM, reviewer)).isEqualTo(403);
        assertThat(status("POST", "/dicomweb/studies", reviewer)).isEqualTo(403);
        assertThat(status("GET", "/api/qc/backlog", token("admin", null))).isEqualTo(200);
    }

    @Test
    void consoleLoginNeedsPasswordAndTotpAndGivesASessionToken() throws Exception {
        String code = Totp.code(REVIEWER_TOTP, Instant.now());
        HttpResponse<String> login = send("POST", "/api/auth/login", null, JSON.writeValueAsString(Map.of(
                "username", "qc.wang", "password", REVIEWER_PASSWORD, "totp", code)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = JSON.readTree(login.body()).path("token").asText();

        assertThat(status("GET", "/api/qc/backlog", session)).isEqualTo(200);
        assertThat(status("PUT", "/api/qc/recognition/" + RM, session)).isEqualTo(403);
        JsonNode me = JSON.readTree(send("GET", "/api/auth/me", session, null).body());
        assertThat(me.path("username").asText()).isEqualTo("qc.wang");
        assertThat(me.path("mayViewIdentifiers").asBoolean()).as("reviewers see masked identifiers").isFalse();

        String wrongCode = code.equals("000000") ? "000001" : "000000";
        assertThat(send("POST", "/api/auth/login", null, JSON.writeValueAsString(Map.of("username", "qc.wang",
                "password", REVIEWER_PASSWORD, "totp", wrongCode))).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/auth/login", null, JSON.writeValueAsString(Map.of("username", "qc.wang",
                "password", "wrong-password!", "totp", code))).statusCode()).isEqualTo(401);
        // no second factor enrolled: production mode refuses the console login
        assertThat(send("POST", "/api/auth/login", null, JSON.writeValueAsString(Map.of("username", "rmyy-ct",
                "password", UPLOADER_PASSWORD))).statusCode()).isEqualTo(401);
    }

    // ---- DICOM

    private static Path ctFile() {
        Path f = TestData.sharedData().resolve("ct-head-ge").resolve("01.dcm");
        TestData.require(Files.isReadable(f), f.toString());
        return f;
    }

    private static Dcmtk.Result storescu(String callingAe, List<String> identity, Path file) throws Exception {
        ExternalTool.require("storescu");
        List<String> command = new java.util.ArrayList<>(List.of("storescu", "-v", "-aet", callingAe, "-aec", "HRNODE"));
        command.addAll(identity);
        command.addAll(List.of("127.0.0.1", Integer.toString(node.dicomPort()), file.toString()));
        return Dcmtk.run(command);
    }

    private static String sopInstanceUid(Path file) throws Exception {
        return org.hrnode.dicom.io.DicomReader.readFile(file).dataset().getString(Tag.SOPInstanceUID);
    }

    @Test
    void storescuWithAnUploaderAccountStoresOthersAreRefused() throws Exception {
        Path file = ctFile();
        String uid = sopInstanceUid(file);

        Dcmtk.Result noIdentity = storescu("RMYY_CT", List.of(), file);
        assertThat(noIdentity.exitCode()).as(noIdentity.output()).isNotZero();
        Dcmtk.Result wrongPassword = storescu("RMYY_CT", List.of("--user", "rmyy-ct", "--password", "nope"), file);
        assertThat(wrongPassword.exitCode()).as(wrongPassword.output()).isNotZero();
        Dcmtk.Result unknownAe = storescu("NOT_REGISTERED", List.of("--user", "rmyy-ct", "--password",
                UPLOADER_PASSWORD), file);
        assertThat(unknownAe.exitCode()).as(unknownAe.output()).isNotZero();
        // 0x0124 Refused: Not authorized (PS3.7 C.5), which DCMTK 3.6.7 prints as an unknown status
        Dcmtk.Result otherInstitution = storescu("CQ_CT", List.of("--user", "rmyy-ct", "--password",
                UPLOADER_PASSWORD), file);
        assertThat(otherInstitution.output()).as(otherInstitution.output()).contains("Store Response (Unknown Status: 0x124)");
        assertThat(node.storage().index().instancesOf(QueryLevel.IMAGE, uid)).isEmpty();

        Dcmtk.Result own = storescu("RMYY_CT", List.of("--user", "rmyy-ct", "--password", UPLOADER_PASSWORD), file);
        assertThat(own.exitCode()).as(own.output()).isZero();
        assertThat(node.storage().index().instancesOf(QueryLevel.IMAGE, uid)).hasSize(1);
    }

    @Test
    void storescuWithAViewerJwtIsRefusedTheStore() throws Exception {
        Path file = ctFile();
        Path jwt = dir.resolve("viewer.jwt");
        Files.writeString(jwt, token("viewer", RM));

        Dcmtk.Result r = storescu("RMYY_CT", List.of("--jwt", jwt.toString()), file);

        assertThat(r.output()).as(r.output()).contains("Store Response (Unknown Status: 0x124)");
    }

    @Test
    void logsNeverCarryPatientNamesOrIds() throws Exception {
        ExternalTool.require("dcmodify");
        Path file = dir.resolve("identified.dcm");
        Files.copy(TestData.sharedData().resolve("ct-head-ge").resolve("03.dcm"), file);
        Dcmtk.Result modify = Dcmtk.run("dcmodify", "-nb", "-m", "(0010,0010)=ZHANGSECRET^SANFENG", "-m",
                "(0010,0020)=PIDSECRET7788", "-m", "(0008,0018)=1.2.826.0.1.3680043.2.1125.77.1", file.toString());
        assertThat(modify.exitCode()).as(modify.output()).isZero();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            storescu("CQ_CT", List.of("--user", "rmyy-ct", "--password", UPLOADER_PASSWORD), file);
            Dcmtk.Result stored = storescu("RMYY_CT", List.of("--user", "rmyy-ct", "--password", UPLOADER_PASSWORD),
                    file);
            assertThat(stored.exitCode()).as(stored.output()).isZero();
            AssociationRequestor requestor = new AssociationRequestor(AssociationSettings.defaults());
            AssociationRequestBuilder rq = new AssociationRequestBuilder("VIEWER_WS", "HRNODE")
                    .addPresentationContext(UID.PatientRootQueryRetrieveInformationModelFind,
                            UID.ExplicitVRLittleEndian)
                    .userIdentity(UserIdentityRQ.of(UserIdentityType.JSON_WEB_TOKEN,
                            token("viewer", null).getBytes(StandardCharsets.UTF_8), false));
            try (DimseChannel channel = DimseChannel.open(requestor,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), node.dicomPort()),
                    rq.build(requestor.settings()), DimseRequestHandler.NONE)) {
                Dataset keys = new Dataset();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "PATIENT");
                keys.setString(Tag.PatientID, VR.LO, "PIDSECRET7788");
                keys.setString(Tag.PatientName, VR.PN, "ZHANGSECRET*");
                assertThat(FindSCU.findAll(channel, UID.PatientRootQueryRetrieveInformationModelFind, keys))
                        .hasSize(1);
            }
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        for (ch.qos.logback.classic.spi.ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain("ZHANGSECRET").doesNotContain("PIDSECRET7788");
        }
    }

    private static FindSCU.Result studyFind(UserIdentityRQ identity) throws Exception {
        AssociationRequestor requestor = new AssociationRequestor(AssociationSettings.defaults());
        AssociationRequestBuilder rq = new AssociationRequestBuilder("VIEWER_WS", "HRNODE")
                .addPresentationContext(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian)
                .userIdentity(identity);
        try (DimseChannel channel = DimseChannel.open(requestor,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), node.dicomPort()),
                rq.build(requestor.settings()), DimseRequestHandler.NONE)) {
            Dataset keys = new Dataset();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tag.StudyInstanceUID, VR.UI, "");
            return FindSCU.find(channel, UID.StudyRootQueryRetrieveInformationModelFind, keys, m -> true);
        }
    }

    @Test
    void cFindWithAViewerJwtIsServedWithAnUploaderIdentityRefused() throws Exception {
        UserIdentityRQ viewer = UserIdentityRQ.of(UserIdentityType.JSON_WEB_TOKEN,
                token("viewer", null).getBytes(StandardCharsets.UTF_8), false);
        UserIdentityRQ uploader = UserIdentityRQ.usernameAndPasscode("rmyy-ct", UPLOADER_PASSWORD, false);

        assertThat(studyFind(viewer).status().isSuccess()).isTrue();
        assertThat(studyFind(uploader).status()).isEqualTo(Status.NOT_AUTHORIZED);
    }
}
