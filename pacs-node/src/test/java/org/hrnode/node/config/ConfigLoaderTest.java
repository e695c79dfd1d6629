package org.hrnode.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedEmbeddedOnes() throws Exception {
        NodeConfig c = new ConfigLoader(Map.of()).load(List.of());
        assertThat(c.aeTitle()).isEqualTo("HRNODE");
        assertThat(c.dicomPort()).isEqualTo(11112);
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
        assertThat(c.undeclaredCharset()).isEqualTo(java.nio.charset.Charset.forName("GB18030"));
    }

    @Test
    void flagBeatsEnvironmentWhichBeatsConfigFile() throws Exception {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "dicom-port=1001\nhttp-port=1002\nae-title=FROMFILE\n", StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("HRNODE_CONFIG", file.toString(), "HRNODE_HTTP_PORT", "2002",
                "HRNODE_DICOM_PORT", "2001");
        NodeConfig c = new ConfigLoader(env).load(List.of("--dicom-port", "3001"));
        assertThat(c.dicomPort()).isEqualTo(3001);
        assertThat(c.httpPort()).isEqualTo(2002);
        assertThat(c.aeTitle()).isEqualTo("FROMFILE");
    }

    @Test
    void flagsAcceptEqualsForm() throws Exception {
        NodeConfig c = new ConfigLoader(Map.of()).load(List.of("--http-port=9090", "--data-dir=" + dir));
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.dataDir()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void timelinessSettingsDefaultToBeijingTimeAndOneHourAndRefuseNonsense() throws Exception {
        NodeConfig defaults = new ConfigLoader(Map.of()).load(List.of());
        assertThat(defaults.timeZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(defaults.lateAfter()).isEqualTo(java.time.Duration.ofHours(1));
        NodeConfig c = new ConfigLoader(Map.of("HRNODE_TIME_ZONE", "+05:00")).load(List.of("--late-after-minutes",
                "120"));
        assertThat(c.timeZone()).isEqualTo(java.time.ZoneOffset.ofHours(5));
        assertThat(c.lateAfter()).isEqualTo(java.time.Duration.ofHours(2));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--time-zone", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("time-zone 'Mars/Olympus'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--late-after-minutes", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("late-after-minutes '0'");
    }

    @Test
    void forwardingHeadersAreBelievedFromListedProxiesOnlyAndNonsenseIsRefused() throws Exception {
        NodeConfig defaults = new ConfigLoader(Map.of()).load(List.of());
        assertThat(defaults.proxy().trustedProxies().isEmpty()).isTrue();
        assertThat(defaults.proxy().publicUrl()).isEmpty();
        NodeConfig c = new ConfigLoader(Map.of("HRNODE_TRUSTED_PROXIES", "10.0.0.5, 172.16.0.0/12,fd00::/8"))
                .load(List.of("--public-url", "https://pacs.example.cn/hr"));
        assertThat(c.proxy().trustedProxies().trusts(java.net.InetAddress.ofLiteral("172.31.255.1"))).isTrue();
        assertThat(c.proxy().trustedProxies().trusts(java.net.InetAddress.ofLiteral("172.32.0.1"))).isFalse();
        assertThat(c.proxy().trustedProxies().trusts(java.net.InetAddress.ofLiteral("10.0.0.6"))).isFalse();
        assertThat(c.proxy().trustedProxies().trusts(java.net.InetAddress.ofLiteral("fd12::1"))).isTrue();
        assertThat(c.proxy().publicUrl()).hasValue(java.net.URI.create("https://pacs.example.cn/hr"));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--trusted-proxies", "proxy.example.cn")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trusted-proxies 'proxy.example.cn'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--trusted-proxies", "10.0.0.0/33")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--public-url", "pacs.example.cn/?a=1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("public-url");
    }

    @Test
    void badPortNamesItsSource() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HRNODE_DICOM_PORT", "eleven")).load(List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dicom-port 'eleven'").hasMessageContaining("HRNODE_DICOM_PORT");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--http-port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("flag --http-port");
    }

    @Test
    void aeTitleMustBeAValidAeTitle() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--ae-title", "A_TITLE_LONGER_THAN_16")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("1-16");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--ae-title", "A\\B")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void unknownOptionsAndKeysFailFast() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--dicom-prot", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option '--dicom-prot'");
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "http_port=80\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--config", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'http_port'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--dicom-port")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs a value");
    }

    @Test
    void missingConfigFileIsAClearError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--config", dir.resolve("none").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read config file");
    }

    @Test
    void unknownCharsetIsRejected() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HRNODE_UNDECLARED_CHARSET", "KLINGON")).load(List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a known charset");
    }

    @Test
    void embeddedStorageUnlessProductionStorageIsConfigured() throws Exception {
        NodeConfig embedded = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.toString()));
        assertThat(embedded.externalDatabase()).isEmpty();
        assertThat(embedded.s3()).isEmpty();
        assertThat(embedded.databaseDir()).isEqualTo(dir.toAbsolutePath().normalize().resolve("db"));
        assertThat(embedded.devMode()).isFalse();

        Map<String, String> env = Map.of("HRNODE_DB_URL", "jdbc:postgresql://db.example:5432/hrnode",
                "HRNODE_DB_PASSWORD", "s3cret", "HRNODE_S3_ENDPOINT", "http://127.0.0.1:9000",
                "HRNODE_S3_ACCESS_KEY", "minio", "HRNODE_S3_SECRET_KEY", "minio-secret");
        NodeConfig production = new ConfigLoader(env).load(List.of("--dev-mode", "true"));
        assertThat(production.externalDatabase()).get().satisfies(db -> {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/hrnode");
            assertThat(db.password()).isEqualTo("s3cret");
            assertThat(db.toString()).doesNotContain("s3cret");
        });
        assertThat(production.s3()).get().satisfies(s3 -> {
            assertThat(s3.bucket()).isEqualTo("hrnode");
            assertThat(s3.toString()).doesNotContain("minio-secret");
        });
        assertThat(production.devMode()).isTrue();
    }

    @Test
    void incompleteProductionStorageIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("HRNODE_S3_ENDPOINT", "http://127.0.0.1:9000"))
                .load(List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3-endpoint").hasMessageContaining("access key");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--db-url", "postgres://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("db-url");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--dev-mode", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--max-associations", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max-associations");
    }

    @Test
    void corsIsOffByDefaultAndTakesOriginsOrStarButNothingThatCouldNeverMatch() throws Exception {
        assertThat(new ConfigLoader(Map.of()).load(List.of()).corsAllowedOrigins()).isEmpty();
        NodeConfig c = new ConfigLoader(Map.of("HRNODE_CORS_ALLOWED_ORIGINS",
                "https://viewer.example:3000, http://localhost:3000,http://[::1]:8080")).load(List.of());
        assertThat(c.corsAllowedOrigins()).containsExactly("https://viewer.example:3000", "http://localhost:3000",
                "http://[::1]:8080");
        assertThat(new ConfigLoader(Map.of()).load(List.of("--cors-allowed-origins", "*")).corsAllowedOrigins())
                .containsExactly("*");
        for (String bad : List.of("https://viewer.example/", "viewer.example", "https://a.example/ohif",
                "*, https://a.example")) {
            assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--cors-allowed-origins", bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("cors-allowed-origins");
        }
    }

    @Test
    void stowUploadsAreRecordedAsTheNodesOwnAeTitleUnlessConfigured() throws Exception {
        assertThat(new ConfigLoader(Map.of()).load(List.of("--ae-title", "CQNODE")).stowAeTitle())
                .isEqualTo("CQNODE");
        assertThat(new ConfigLoader(Map.of()).load(List.of("--stow-ae-title", "RMYY_WEB")).stowAeTitle())
                .isEqualTo("RMYY_WEB");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--stow-ae-title",
                "MUCH_TOO_LONG_AE_TITLE"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("stow-ae-title 'MUCH_TOO_LONG_AE_TITLE'");
    }

    @Test
    void qcSettingsDefaultToTheProgrammeRuleAndRefuseNonsense() throws Exception {
        QcSettings defaults = new ConfigLoader(Map.of()).load(List.of()).qc();
        assertThat(defaults.stable()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(defaults.workers()).isEqualTo(2);
        assertThat(defaults.poll()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(defaults.hr()).isEqualTo(org.hrnode.aiqc.pipeline.HrRules.DEFAULTS);

        QcSettings c = new ConfigLoader(Map.of("HRNODE_HR_MIN_GRADE", "甲")).load(List.of("--qc-workers", "4",
                "--hr-late-upload-veto", "true", "--hr-window-months", "3", "--qc-stable-seconds", "0")).qc();
        assertThat(c.hr().minimumGrade()).isEqualTo(org.hrnode.aiqc.pipeline.Grade.A);
        assertThat(c.hr().lateUploadVeto()).isTrue();
        assertThat(c.hr().window()).isEqualTo(java.time.Period.ofMonths(3));
        assertThat(c.workers()).isEqualTo(4);
        assertThat(c.stable()).isZero();
        assertThat(new ConfigLoader(Map.of()).load(List.of("--hr-min-grade", "c")).qc().hr().minimumGrade())
                .isEqualTo(org.hrnode.aiqc.pipeline.Grade.C);

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--hr-min-grade", "废")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hr-min-grade '废'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--hr-min-grade", "good")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("甲, 乙 or 丙");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of("--qc-workers", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("qc-workers '0'");
    }
}
