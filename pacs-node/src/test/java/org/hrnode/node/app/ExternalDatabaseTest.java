package org.hrnode.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.ingest.IngestResult;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production database path: a node given {@code --db-url} uses that PostgreSQL (here a separate server, as an
 * operator's would be) instead of starting its own, migrates it, and stores into it.
 */
class ExternalDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void nodeStoresIntoTheConfiguredPostgresAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external-pg"))) {
            DatabaseConfig db = external.config();
            Path dataDir = dir.resolve("node");
            Map<String, String> env = Map.of("HRNODE_DB_URL", db.jdbcUrl(), "HRNODE_DB_USER", db.user(),
                    "HRNODE_DB_PASSWORD", db.password());
            Path file = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
            org.hrnode.dicom.testing.TestData.require(Files.isRegularFile(file), "pydicom test file " + file);
            DicomFile dicom = DicomReader.readFile(file, ReadOptions.defaults());
            String sopInstance = dicom.dataset().getString(Tag.SOPInstanceUID);

            try (Node node = Node.start(new ConfigLoader(env).load(List.of("--data-dir", dataDir.toString(),
                    "--dicom-port", "0", "--http-port", "0")))) {
                assertThat(node.storage().describe()).contains(db.jdbcUrl()).doesNotContain("embedded");
                IngestResult result;
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(datasetOffset(file));
                    result = node.ingest().ingest(new IngestSource("TESTSCU", "test"),
                            dicom.dataset().getString(Tag.SOPClassUID), sopInstance,
                            dicom.transferSyntax().uid(), in);
                }
                assertThat(result.outcome()).isEqualTo(StoreOutcome.NEW);
                List<StoredInstanceRef> stored = node.storage().index().instancesOf(QueryLevel.IMAGE, sopInstance);
                assertThat(stored).singleElement().satisfies(ref -> assertThat(ref.sha256()).isEqualTo(result.sha256()));
            }
            assertThat(dataDir.resolve("db")).as("no embedded cluster was created").doesNotExist();
        }
    }

    private static long datasetOffset(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DicomReader reader = new DicomReader(in, Files.size(file), ReadOptions.defaults());
            reader.readPart10Header();
            return reader.position();
        }
    }
}
