package org.hrnode.node.config;

import java.nio.charset.Charset;
import java.nio.file.Path;

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
 */
public record NodeConfig(String aeTitle, int dicomPort, int httpPort, String bindAddress, Path dataDir,
        Charset undeclaredCharset) {
}
