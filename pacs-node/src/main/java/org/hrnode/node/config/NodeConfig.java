package org.hrnode.node.config;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.blob.S3Settings;
import org.hrnode.storage.db.DatabaseConfig;

/**
 * The node's effective configuration, sealed once loaded (see {@link ConfigLoader} for where each value comes
 * from). Every key exists in three spellings: flag {@code --dicom-port}, environment {@code HRNODE_DICOM_PORT},
 * config file key {@code dicom-port}.
 *
 * @param aeTitle the node's own Application Entity title
 * @param dicomPort TCP port of the DICOM (DIMSE) service
 * @param httpPort TCP port of DICOMweb, the API and the console
 * @param bindAddress interface both services listen on; loopback unless opened up deliberately
 * @param dataDir where the embedded database and the filesystem blob store live
 * @param undeclaredCharset decoding of non-ASCII text in objects that declare no Specific Character Set
 * @param devMode accept calling AE titles that are not in the AE registry
 * @param maxAssociations concurrent DICOM associations accepted
 * @param externalDatabase the production PostgreSQL, or empty for the embedded one in {@code dataDir}
 * @param s3 the production object store, or empty for the filesystem store in {@code dataDir}
 * @param dicomTls DICOM over TLS (PS3.15 Annex B), or empty for plain TCP
 * @param timeZone zone of local times in objects that state no offset, and of the quality report's periods
 * @param lateAfter an upload later than this after acquisition is late
 * @param acceptLossyImages store lossy compressed images too, instead of refusing them (the programme's rule)
 * @param uncompressedImages what becomes of uncompressed images from callers not in the AE registry
 * @param qc the AI QC pipeline and the HR eligibility rule
 * @param corsAllowedOrigins browser origins allowed to call DICOMweb ({@code *}: any); empty: no CORS
 * @param stowAeTitle the sender AE title STOW-RS uploads are recorded with (and their institution looked up by)
 * @param qidoMaxResults the most matches one QIDO-RS response holds
 * @param security production or dev mode, bearer tokens, HTTPS
 * @param console the QC-centre console (viewer link, worklist threshold)
 * @param audit how the audit trail is kept
 * @param encryptionKeyFile SM4 keys for encryption at rest, or empty to store objects as they are
 * @param compressionRetry when a failed lossless compression is first tried again (doubling per failure)
 * @param proxy the reverse proxies in front and the public URL
 */
public record NodeConfig(String aeTitle, int dicomPort, int httpPort, String bindAddress, Path dataDir,
        Charset undeclaredCharset, boolean devMode, int maxAssociations, Optional<DatabaseConfig> externalDatabase,
        Optional<S3Settings> s3, Optional<TlsSettings> dicomTls, ZoneId timeZone, Duration lateAfter,
        boolean acceptLossyImages, UncompressedImages uncompressedImages, QcSettings qc,
        List<String> corsAllowedOrigins, String stowAeTitle, int qidoMaxResults, SecuritySettings security,
        ConsoleSettings console, AuditSettings audit, Optional<Path> encryptionKeyFile,
        Duration compressionRetry, ProxySettings proxy) {

    public NodeConfig {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /** The embedded PostgreSQL cluster's directory. */
    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** The filesystem blob store's root. */
    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    /** Where a running node tells other commands how to reach its embedded database. */
    public Path runtimeDir() {
        return dataDir.resolve("run");
    }
}
