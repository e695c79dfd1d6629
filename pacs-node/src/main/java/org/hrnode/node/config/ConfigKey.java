package org.hrnode.node.config;

/** The configuration keys, their defaults and their help text; README's configuration table mirrors this. */
public enum ConfigKey {
    CONFIG("config", null, "configuration file (Java properties with the keys below)"),
    AE_TITLE("ae-title", "HRNODE", "the node's AE title (1-16 characters, no backslash)"),
    DICOM_PORT("dicom-port", "11112", "DICOM (DIMSE) port"),
    HTTP_PORT("http-port", "8080", "HTTP port (DICOMweb, API, console)"),
    BIND_ADDRESS("bind-address", "127.0.0.1", "address the services listen on"),
    DATA_DIR("data-dir", "./data", "data directory (embedded database, blob store)"),
    UNDECLARED_CHARSET("undeclared-charset", "GB18030",
            "charset for non-ASCII text in objects without Specific Character Set"),
    DEV_MODE("dev-mode", "false", "accept associations from calling AE titles not in the AE registry"),
    MAX_ASSOCIATIONS("max-associations", "64", "concurrent DICOM associations; more are rejected (transient)"),
    DB_URL("db-url", null, "external PostgreSQL (jdbc:postgresql://host:port/db); unset = embedded in data-dir"),
    DB_USER("db-user", "hrnode", "PostgreSQL user for db-url"),
    DB_PASSWORD("db-password", "", "PostgreSQL password for db-url (prefer the environment variable)"),
    DB_POOL_SIZE("db-pool-size", "10", "database connections"),
    S3_ENDPOINT("s3-endpoint", null, "S3/MinIO endpoint URL; unset = filesystem blob store in data-dir"),
    S3_REGION("s3-region", "us-east-1", "S3 signing region"),
    S3_BUCKET("s3-bucket", "hrnode", "S3 bucket (created if missing)"),
    S3_ACCESS_KEY("s3-access-key", null, "S3 access key"),
    S3_SECRET_KEY("s3-secret-key", null, "S3 secret key (prefer the environment variable)"),
    DICOM_TLS_KEYSTORE("dicom-tls-keystore", null, "PKCS#12 key store with the node's key and certificate; set = DICOM over TLS"),
    DICOM_TLS_PASSWORD("dicom-tls-password", "", "password of the key store (prefer the environment variable)"),
    DICOM_TLS_TRUSTSTORE("dicom-tls-truststore", null, "PKCS#12 trust store for client certificates; unset = the JDK's"),
    DICOM_TLS_CLIENT_AUTH("dicom-tls-client-auth", "false", "require client certificates on DICOM TLS"),
    TIME_ZONE("time-zone", "Asia/Shanghai",
            "zone of local times in objects without Timezone Offset From UTC; also the zone of report periods"),
    LATE_AFTER_MINUTES("late-after-minutes", "60",
            "an upload later than this after acquisition is late (QC spec 7.1.1: one hour)"),
    LOSSY_IMAGES("lossy-images", "refuse",
            "refuse = images only lossless (川渝 spec 7.1); accept = also lossy, for a node outside the programme"),
    UNCOMPRESSED("uncompressed", "compress",
            "uncompressed images from callers not in the AE registry (dev mode): compress | accept | reject"),
    COMPRESSION_RETRY_SECONDS("compression-retry-seconds", "30",
            "a failed lossless compression is tried again after this long, doubling per failure (3 tries in all)"),
    QC_STABLE_SECONDS("qc-stable-seconds", "60",
            "AI QC judges a study once no instance of it arrived for this many seconds"),
    QC_WORKERS("qc-workers", "2", "studies AI QC judges at once on this node"),
    QC_POLL_SECONDS("qc-poll-seconds", "30",
            "how often AI QC looks for studies other nodes on the same database stored (its own wake it at once)"),
    HR_MIN_GRADE("hr-min-grade", "乙", "worst QC grade still eligible for the 川渝 HR mark: 甲, 乙, 丙 (or A, B, C)"),
    HR_WINDOW_MONTHS("hr-window-months", "1", "months after the exam a result is recognised (川渝 spec 6.5: 1)"),
    HR_LATE_UPLOAD_VETO("hr-late-upload-veto", "false",
            "a late upload bars the HR mark (default: only recorded as a data-quality defect)"),
    CORS_ALLOWED_ORIGINS("cors-allowed-origins", "",
            "origins a browser viewer may call DICOMweb from, comma-separated (https://viewer.example:3000), "
                    + "or *; empty = no CORS"),
    STOW_AE_TITLE("stow-ae-title", null,
            "sender AE title recorded for STOW-RS uploads (its AE registry entry gives the institution); "
                    + "unset = ae-title"),
    QIDO_MAX_RESULTS("qido-max-results", "5000",
            "most matches in one QIDO-RS response; more are cut off with a Warning header (1-10000)"),
    MODE("mode", "dev", "dev (127.0.0.1 only, security off, every caller a developer) or production "
            + "(authentication, roles and HTTPS required; --production)"),
    DEV_ON_NETWORK("dev-on-network", "false", "let dev mode (security off) listen on a non-loopback bind-address: "
            + "only inside a private container network (docker compose demo stack)"),
    JWT_JWKS("jwt-jwks", null, "JSON Web Key Set of the OIDC server whose bearer tokens are accepted: a file or an "
            + "https URL (Keycloak: .../realms/R/protocol/openid-connect/certs)"),
    JWT_ISSUER("jwt-issuer", null, "required iss of bearer tokens (Keycloak: https://host/realms/R)"),
    JWT_AUDIENCE("jwt-audience", "hrnode", "required aud of bearer tokens"),
    JWT_CLOCK_SKEW_SECONDS("jwt-clock-skew-seconds", "60", "tolerance on exp/nbf of bearer tokens"),
    HTTP_TLS_KEYSTORE("http-tls-keystore", null, "PKCS#12 key store with the HTTPS key and certificate; set = HTTPS"),
    HTTP_TLS_CERT("http-tls-cert", null, "PEM certificate chain for HTTPS (with http-tls-key), instead of a key store"),
    HTTP_TLS_KEY("http-tls-key", null, "PEM PKCS#8 private key for HTTPS (with http-tls-cert)"),
    HTTP_TLS_PASSWORD("http-tls-password", "", "password of the HTTPS key store (prefer the environment variable)"),
    HTTP_BEHIND_TLS_PROXY("http-behind-tls-proxy", "false",
            "production without http-tls-keystore: a TLS terminator (e.g. an SM2 national-crypto gateway) in front "
                    + "takes the clients' TLS"),
    TRUSTED_PROXIES("trusted-proxies", "",
            "reverse proxies / load balancers (IPs or CIDR ranges, comma-separated) whose Forwarded and X-Forwarded-* "
                    + "headers are believed (client address, scheme, host, X-Forwarded-Prefix); empty = none"),
    PUBLIC_URL("public-url", null, "URL clients reach the node at (https://pacs.example.cn/pacs): fixes scheme, "
            + "host and path prefix of every URL the node writes; unset = as each request (or its trusted proxy) says"),
    VIEWER_URL_TEMPLATE("viewer-url-template", "",
            "viewer the QC console opens a study in, {study} = its Study Instance UID "
                    + "(http://host/viewer?StudyInstanceUIDs={study}); empty = no viewer link"),
    CONSOLE_MIN_CONFIDENCE_PERCENT("console-min-confidence-percent", "60",
            "a best catalogue match below this confidence (%) puts a study on the QC console's worklist"),
    AUDIT_RETENTION_DAYS("audit-retention-days", "180",
            "days audit records are kept before pruning; at least 180 (six months, Ningxia spec 7.1)"),
    AUDIT_QUEUE_SIZE("audit-queue-size", "100000",
            "audit events waiting for the database; beyond this they are dropped, counted and logged"),
    ENCRYPTION_KEY_FILE("encryption-key-file", null,
            "SM4 key file (current=ID, key.ID=32 hex digits); set = stored objects encrypted at rest with SM4-GCM");

    private final String key;
    private final String defaultValue;
    private final String help;

    ConfigKey(String key, String defaultValue, String help) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    /** Key in a config file, e.g. {@code dicom-port}. */
    public String key() {
        return key;
    }

    /** Command-line flag, e.g. {@code --dicom-port}. */
    public String flag() {
        return "--" + key;
    }

    /** Environment variable, e.g. {@code HRNODE_DICOM_PORT}. */
    public String envVar() {
        return "HRNODE_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    static ConfigKey ofFlag(String flag) {
        for (ConfigKey k : values()) {
            if (k.flag().equals(flag)) {
                return k;
            }
        }
        return null;
    }

    static ConfigKey ofKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
