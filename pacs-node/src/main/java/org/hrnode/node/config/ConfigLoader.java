package org.hrnode.node.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Period;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.HrRules;
import org.hrnode.node.http.TrustedProxies;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.audit.AuditRetention;
import org.hrnode.storage.blob.S3Settings;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.index.postgres.PostgresIndex;

/**
 * Resolves each {@link ConfigKey} from, in order of precedence: command-line flag, environment variable, config
 * file, built-in default. Bad values fail fast with the source named; nothing is silently corrected.
 */
public final class ConfigLoader {

    private static final int MAX_PORT = 65535;
    private static final int MAX_AE_TITLE_LENGTH = 16;
    /** Each association holds a virtual thread and up to one max-length PDU of buffer; beyond this, scale out. */
    private static final int MAX_ASSOCIATIONS = 1000;

    /** A week: any later limit would make every upload "on time". */
    private static final int MAX_LATE_AFTER_MINUTES = 7 * 24 * 60;

    /** An origin as a browser sends it: scheme, host name or address, optional port. */
    private static final Pattern CORS_ORIGIN =
            Pattern.compile("https?://([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    /** A day: a study still receiving instances after that is not one study being sent. */
    private static final int MAX_STABLE_SECONDS = 24 * 60 * 60;
    /** Judging is CPU-bound; more workers than a large server's cores only queue up inside the JVM. */
    private static final int MAX_QC_WORKERS = 256;
    private static final int MAX_POLL_SECONDS = 60 * 60;
    /** A day: an image left uncompressed longer than that is an operator's problem, not a retry's. */
    private static final int MAX_COMPRESSION_RETRY_SECONDS = 24 * 60 * 60;
    /** A year: the programme speaks of one month; anything longer is no longer "recent" (spec 6.5). */
    private static final int MAX_WINDOW_MONTHS = 12;
    /** Ten minutes: more would keep an expired token alive long after its issuer meant it to end. */
    private static final int MAX_CLOCK_SKEW_SECONDS = 600;

    /** A queue smaller than one batch would drop events in any burst; a larger one than this only hides an outage. */
    private static final int MIN_AUDIT_QUEUE = 1000;
    private static final int MAX_AUDIT_QUEUE = 10_000_000;

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public NodeConfig load(List<String> args) throws ConfigException {
        Map<ConfigKey, String> flags = parseFlags(args);
        Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        String configFile = flags.getOrDefault(ConfigKey.CONFIG, env.get(ConfigKey.CONFIG.envVar()));
        Properties file = configFile == null ? new Properties() : readFile(Path.of(configFile));
        for (ConfigKey key : ConfigKey.values()) {
            if (flags.containsKey(key)) {
                values.put(key, flags.get(key));
                sources.put(key, "flag " + key.flag());
            } else if (env.containsKey(key.envVar())) {
                values.put(key, env.get(key.envVar()));
                sources.put(key, "environment " + key.envVar());
            } else if (file.containsKey(key.key())) {
                values.put(key, file.getProperty(key.key()).trim());
                sources.put(key, "config file " + configFile);
            } else if (key.defaultValue() != null) {
                values.put(key, key.defaultValue());
                sources.put(key, "default");
            }
        }
        for (String name : file.stringPropertyNames()) {
            if (ConfigKey.ofKey(name) == null) {
                throw new ConfigException("unknown key '" + name + "' in config file " + configFile);
            }
        }
        Resolved r = new Resolved(values, sources);
        String aeTitle = aeTitle(values.get(ConfigKey.AE_TITLE), sources.get(ConfigKey.AE_TITLE));
        return new NodeConfig(
                aeTitle,
                port(values, sources, ConfigKey.DICOM_PORT),
                port(values, sources, ConfigKey.HTTP_PORT),
                values.get(ConfigKey.BIND_ADDRESS),
                Path.of(values.get(ConfigKey.DATA_DIR)).toAbsolutePath().normalize(),
                charset(values.get(ConfigKey.UNDECLARED_CHARSET), sources.get(ConfigKey.UNDECLARED_CHARSET)),
                r.bool(ConfigKey.DEV_MODE),
                r.integer(ConfigKey.MAX_ASSOCIATIONS, 1, MAX_ASSOCIATIONS),
                externalDatabase(r),
                s3(r),
                dicomTls(r),
                timeZone(r),
                Duration.ofMinutes(r.integer(ConfigKey.LATE_AFTER_MINUTES, 1, MAX_LATE_AFTER_MINUTES)),
                acceptLossyImages(r),
                uncompressedImages(r),
                qc(r),
                corsAllowedOrigins(r),
                r.get(ConfigKey.STOW_AE_TITLE) == null ? aeTitle
                        : aeTitle(values.get(ConfigKey.STOW_AE_TITLE), sources.get(ConfigKey.STOW_AE_TITLE),
                                ConfigKey.STOW_AE_TITLE),
                r.integer(ConfigKey.QIDO_MAX_RESULTS, 1, PostgresIndex.DEFAULT_MAX_RESULTS),
                security(r),
                console(r),
                audit(r),
                Optional.ofNullable(r.get(ConfigKey.ENCRYPTION_KEY_FILE)).map(Path::of),
                Duration.ofSeconds(r.integer(ConfigKey.COMPRESSION_RETRY_SECONDS, 1, MAX_COMPRESSION_RETRY_SECONDS)),
                proxy(r));
    }

    /** Trusted proxies as IP literals and CIDR ranges; a public URL as an absolute http(s) URL with no query. */
    private static ProxySettings proxy(Resolved r) throws ConfigException {
        TrustedProxies trusted;
        try {
            trusted = TrustedProxies.parse(r.get(ConfigKey.TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            throw r.error(ConfigKey.TRUSTED_PROXIES, "holds " + e.getMessage());
        }
        String url = r.get(ConfigKey.PUBLIC_URL);
        if (url == null) {
            return new ProxySettings(trusted, Optional.empty());
        }
        URI publicUrl;
        try {
            publicUrl = new URI(url);
        } catch (URISyntaxException e) {
            throw r.error(ConfigKey.PUBLIC_URL, "is not a URL: " + e.getMessage());
        }
        if (!("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))
                || publicUrl.getRawAuthority() == null || publicUrl.getRawQuery() != null
                || publicUrl.getRawFragment() != null || publicUrl.getRawUserInfo() != null) {
            throw r.error(ConfigKey.PUBLIC_URL, "must be http(s)://host[:port][/path], no user, query or fragment");
        }
        return new ProxySettings(trusted, Optional.of(publicUrl));
    }

    private static ConsoleSettings console(Resolved r) throws ConfigException {
        String template = r.get(ConfigKey.VIEWER_URL_TEMPLATE);
        if (template != null && !template.isBlank() && !template.contains(ConsoleSettings.STUDY_PLACEHOLDER)) {
            throw r.error(ConfigKey.VIEWER_URL_TEMPLATE, "must name the study as " + ConsoleSettings.STUDY_PLACEHOLDER);
        }
        return new ConsoleSettings(template == null || template.isBlank() ? Optional.empty() : Optional.of(template),
                r.integer(ConfigKey.CONSOLE_MIN_CONFIDENCE_PERCENT, 0, 100) / 100.0);
    }

    /**
     * Production mode demands HTTPS (here or at a terminator in front) and the AE registry; dev mode listens on the
     * loopback interface only, so "security off" never reaches a network. Whether anyone can log in (tokens or
     * accounts) is checked when the node starts, as accounts live in the database.
     */
    private static SecuritySettings security(Resolved r) throws ConfigException {
        String mode = r.get(ConfigKey.MODE);
        boolean production;
        if ("production".equals(mode)) {
            production = true;
        } else if ("dev".equals(mode)) {
            production = false;
        } else {
            throw r.error(ConfigKey.MODE, "must be dev or production");
        }
        Optional<SecuritySettings.Jwt> jwt = Optional.empty();
        String jwks = r.get(ConfigKey.JWT_JWKS);
        if (jwks != null) {
            if (!jwks.startsWith("https://") && !jwks.startsWith("http://") && !Files.isReadable(Path.of(jwks))) {
                throw r.error(ConfigKey.JWT_JWKS, "is neither an http(s) URL nor a readable file");
            }
            if (r.get(ConfigKey.JWT_ISSUER) == null) {
                throw r.error(ConfigKey.JWT_ISSUER, "must be set with jwt-jwks (tokens of any issuer would pass)");
            }
            jwt = Optional.of(new SecuritySettings.Jwt(jwks, r.get(ConfigKey.JWT_ISSUER), r.get(ConfigKey.JWT_AUDIENCE),
                    Duration.ofSeconds(r.integer(ConfigKey.JWT_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS))));
        }
        Optional<SslContextSource> httpTls = httpTls(r);
        boolean behindProxy = r.bool(ConfigKey.HTTP_BEHIND_TLS_PROXY);
        if (production) {
            if (httpTls.isEmpty() && !behindProxy) {
                throw r.error(ConfigKey.MODE, "needs HTTPS: set http-tls-keystore (or http-tls-cert and http-tls-key), "
                        + "or http-behind-tls-proxy=true "
                        + "when a TLS terminator in front serves the clients");
            }
            if (r.bool(ConfigKey.DEV_MODE)) {
                throw r.error(ConfigKey.DEV_MODE, "accepts unregistered calling AEs, which production mode forbids");
            }
        } else if (!isLoopback(r.get(ConfigKey.BIND_ADDRESS)) && !r.bool(ConfigKey.DEV_ON_NETWORK)) {
            throw r.error(ConfigKey.BIND_ADDRESS, "is not a loopback address: dev mode has security off and "
                    + "listens on 127.0.0.1 only; use --production (mode=production) to serve a network "
                    + "(dev-on-network=true only inside a private container network)");
        }
        return new SecuritySettings(production, jwt, httpTls, behindProxy);
    }

    /** HTTPS key material: a PKCS#12 key store, or a PEM certificate chain and key; not both. */
    private static Optional<SslContextSource> httpTls(Resolved r) throws ConfigException {
        String keystore = r.get(ConfigKey.HTTP_TLS_KEYSTORE);
        String cert = r.get(ConfigKey.HTTP_TLS_CERT);
        String key = r.get(ConfigKey.HTTP_TLS_KEY);
        for (ConfigKey k : new ConfigKey[] {ConfigKey.HTTP_TLS_KEYSTORE, ConfigKey.HTTP_TLS_CERT,
                ConfigKey.HTTP_TLS_KEY}) {
            if (r.get(k) != null && !Files.isReadable(Path.of(r.get(k)))) {
                throw r.error(k, "is not a readable file");
            }
        }
        if (keystore != null) {
            if (cert != null || key != null) {
                throw r.error(ConfigKey.HTTP_TLS_KEYSTORE, "and http-tls-cert/http-tls-key both set: choose one");
            }
            return Optional.of(new TlsSettings(Path.of(keystore),
                    r.values().getOrDefault(ConfigKey.HTTP_TLS_PASSWORD, "").toCharArray(), Optional.empty(), false));
        }
        if (cert == null != (key == null)) {
            throw r.error(cert == null ? ConfigKey.HTTP_TLS_KEY : ConfigKey.HTTP_TLS_CERT,
                    "needs its partner: set both http-tls-cert and http-tls-key");
        }
        return cert == null ? Optional.empty() : Optional.of(new PemTlsSettings(Path.of(cert), Path.of(key)));
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.equals("localhost") || address.equals("::1") || address.equals("[::1]")
                || address.startsWith("127."));
    }

    /** Retention below the six months the Ningxia spec requires is refused, never raised silently. */
    private static AuditSettings audit(Resolved r) throws ConfigException {
        int days;
        try {
            days = Integer.parseInt(r.get(ConfigKey.AUDIT_RETENTION_DAYS));
        } catch (NumberFormatException | NullPointerException e) {
            throw r.error(ConfigKey.AUDIT_RETENTION_DAYS, "must be a whole number of days, at least "
                    + AuditRetention.MINIMUM_DAYS);
        }
        if (days < AuditRetention.MINIMUM_DAYS) {
            throw r.error(ConfigKey.AUDIT_RETENTION_DAYS, "is below the required minimum of "
                    + AuditRetention.MINIMUM_DAYS + " days (logs are kept six months, Ningxia spec 7.1)");
        }
        return new AuditSettings(new AuditRetention(days),
                r.integer(ConfigKey.AUDIT_QUEUE_SIZE, MIN_AUDIT_QUEUE, MAX_AUDIT_QUEUE));
    }

    private static QcSettings qc(Resolved r) throws ConfigException {
        Grade minimum;
        try {
            minimum = Grade.parse(r.get(ConfigKey.HR_MIN_GRADE));
        } catch (IllegalArgumentException e) {
            throw r.error(ConfigKey.HR_MIN_GRADE, "must be 甲, 乙 or 丙 (or A, B, C)");
        }
        if (minimum == Grade.D) {
            throw r.error(ConfigKey.HR_MIN_GRADE, "would make rejected (废) studies eligible; use 甲, 乙 or 丙");
        }
        Period window = Period.ofMonths(r.integer(ConfigKey.HR_WINDOW_MONTHS, 1, MAX_WINDOW_MONTHS));
        HrRules rules = new HrRules(minimum, window, r.bool(ConfigKey.HR_LATE_UPLOAD_VETO));
        return new QcSettings(Duration.ofSeconds(r.integer(ConfigKey.QC_STABLE_SECONDS, 0, MAX_STABLE_SECONDS)),
                r.integer(ConfigKey.QC_WORKERS, 1, MAX_QC_WORKERS),
                Duration.ofSeconds(r.integer(ConfigKey.QC_POLL_SECONDS, 1, MAX_POLL_SECONDS)), rules);
    }

    /**
     * Origins as browsers send them in the Origin header: scheme, host and optional port, nothing after; or
     * {@code *} alone. A path or trailing slash would never match, so it is refused rather than ignored.
     */
    private static List<String> corsAllowedOrigins(Resolved r) throws ConfigException {
        String v = r.get(ConfigKey.CORS_ALLOWED_ORIGINS);
        if (v == null) {
            return List.of();
        }
        List<String> origins = Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (String origin : origins) {
            if (origin.equals("*")) {
                if (origins.size() > 1) {
                    throw r.error(ConfigKey.CORS_ALLOWED_ORIGINS, "mixes * with origins: use * alone or a list");
                }
                continue;
            }
            if (!CORS_ORIGIN.matcher(origin).matches()) {
                throw r.error(ConfigKey.CORS_ALLOWED_ORIGINS, "holds '" + origin
                        + "', which is not an origin (http[s]://host[:port], no path or trailing slash)");
            }
        }
        return origins;
    }

    /** The values and where each came from, with typed accessors whose errors name the source. */
    private record Resolved(Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {

        String get(ConfigKey key) {
            String v = values.get(key);
            return v == null || v.isBlank() ? null : v.trim();
        }

        ConfigException error(ConfigKey key, String why) {
            return new ConfigException(key.key() + " '" + values.get(key) + "' (from " + sources.get(key) + ") "
                    + why);
        }

        boolean bool(ConfigKey key) throws ConfigException {
            String v = get(key);
            if ("true".equalsIgnoreCase(v)) {
                return true;
            }
            if ("false".equalsIgnoreCase(v)) {
                return false;
            }
            throw error(key, "must be true or false");
        }

        int integer(ConfigKey key, int min, int max) throws ConfigException {
            try {
                int n = Integer.parseInt(get(key));
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number " + min + "-" + max);
            }
        }
    }

    private static ZoneId timeZone(Resolved r) throws ConfigException {
        try {
            return ZoneId.of(r.get(ConfigKey.TIME_ZONE));
        } catch (DateTimeException | NullPointerException e) {
            throw r.error(ConfigKey.TIME_ZONE, "is not a time zone (e.g. Asia/Shanghai or +08:00)");
        }
    }

    private static Optional<DatabaseConfig> externalDatabase(Resolved r) throws ConfigException {
        String url = r.get(ConfigKey.DB_URL);
        if (url == null) {
            return Optional.empty();
        }
        String password = r.values().getOrDefault(ConfigKey.DB_PASSWORD, "");
        try {
            return Optional.of(new DatabaseConfig(url, r.get(ConfigKey.DB_USER) == null ? ""
                    : r.get(ConfigKey.DB_USER), password,
                    r.integer(ConfigKey.DB_POOL_SIZE, 1, DatabaseConfig.MAX_POOL_SIZE)));
        } catch (IllegalArgumentException e) {
            throw r.error(ConfigKey.DB_URL, "is not usable: " + e.getMessage());
        }
    }

    private static UncompressedImages uncompressedImages(Resolved r) throws ConfigException {
        UncompressedImages v = UncompressedImages.ofConfigValue(r.get(ConfigKey.UNCOMPRESSED));
        if (v == null) {
            throw r.error(ConfigKey.UNCOMPRESSED, "must be compress, accept or reject");
        }
        return v;
    }

    private static boolean acceptLossyImages(Resolved r) throws ConfigException {
        String v = r.get(ConfigKey.LOSSY_IMAGES);
        if ("refuse".equals(v)) {
            return false;
        }
        if ("accept".equals(v)) {
            return true;
        }
        throw r.error(ConfigKey.LOSSY_IMAGES, "must be refuse or accept");
    }

    private static Optional<TlsSettings> dicomTls(Resolved r) throws ConfigException {
        String keystore = r.get(ConfigKey.DICOM_TLS_KEYSTORE);
        if (keystore == null) {
            return Optional.empty();
        }
        String truststore = r.get(ConfigKey.DICOM_TLS_TRUSTSTORE);
        for (ConfigKey key : new ConfigKey[] {ConfigKey.DICOM_TLS_KEYSTORE, ConfigKey.DICOM_TLS_TRUSTSTORE}) {
            String file = r.get(key);
            if (file != null && !Files.isReadable(Path.of(file))) {
                throw r.error(key, "is not a readable file");
            }
        }
        return Optional.of(new TlsSettings(Path.of(keystore),
                r.values().getOrDefault(ConfigKey.DICOM_TLS_PASSWORD, "").toCharArray(),
                Optional.ofNullable(truststore).map(Path::of), r.bool(ConfigKey.DICOM_TLS_CLIENT_AUTH)));
    }

    private static Optional<S3Settings> s3(Resolved r) throws ConfigException {
        String endpoint = r.get(ConfigKey.S3_ENDPOINT);
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new S3Settings(URI.create(endpoint), r.get(ConfigKey.S3_REGION),
                    r.get(ConfigKey.S3_BUCKET), r.get(ConfigKey.S3_ACCESS_KEY), r.get(ConfigKey.S3_SECRET_KEY),
                    S3Settings.DEFAULT_PART_SIZE));
        } catch (IllegalArgumentException e) {
            throw r.error(ConfigKey.S3_ENDPOINT, "is not usable: " + e.getMessage());
        }
    }

    private static Map<ConfigKey, String> parseFlags(List<String> args) throws ConfigException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            ConfigKey key = ConfigKey.ofFlag(name);
            if (key == null) {
                throw new ConfigException("unknown option '" + arg + "' (see ./hrnode help)");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException("option " + name + " needs a value");
                }
                value = args.get(++i);
            }
            flags.put(key, value);
        }
        return flags;
    }

    private static Properties readFile(Path path) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        return p;
    }

    private static int port(Map<ConfigKey, String> values, Map<ConfigKey, String> sources, ConfigKey key)
            throws ConfigException {
        String v = values.get(key);
        try {
            int port = Integer.parseInt(v.trim());
            if (port < 0 || port > MAX_PORT) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(key.key() + " '" + v + "' (from " + sources.get(key)
                    + ") is not a port number 0-" + MAX_PORT);
        }
    }

    private static String aeTitle(String v, String source) throws ConfigException {
        return aeTitle(v, source, ConfigKey.AE_TITLE);
    }

    private static String aeTitle(String v, String source, ConfigKey key) throws ConfigException {
        String t = v.trim();
        if (t.isEmpty() || t.length() > MAX_AE_TITLE_LENGTH || t.contains("\\")
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(t)) {
            throw new ConfigException(key.key() + " '" + v + "' (from " + source
                    + ") must be 1-16 ASCII characters without backslash");
        }
        return t;
    }

    private static Charset charset(String v, String source) throws ConfigException {
        try {
            return Charset.forName(v.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigException("undeclared-charset '" + v + "' (from " + source + ") is not a known charset");
        }
    }
}
