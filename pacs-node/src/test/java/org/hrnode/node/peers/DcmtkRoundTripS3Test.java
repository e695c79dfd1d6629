package org.hrnode.node.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.blob.S3ProxyFixture;

/**
 * {@link DcmtkRoundTrip} over the S3 path: the node's blobs in a bucket behind a real S3 API (S3Proxy in-process,
 * signatures checked). To keep the suite's time down it sends pydicom's test files only, which hold every transfer
 * syntax and most oddities of the full set; the file-system variant sends everything.
 */
class DcmtkRoundTripS3Test extends DcmtkRoundTrip {

    private static final String BUCKET = "hrnode-peers";

    private S3ProxyFixture s3;
    private Path s3Directory;

    @Override
    NodeUnderTest startNode(Path dir) throws Exception {
        s3Directory = Files.createDirectories(dir.resolve("s3"));
        s3 = S3ProxyFixture.start(s3Directory);
        return NodeUnderTest.start(dir.resolve("data"), "--lossy-images", "accept",
                "--s3-endpoint", s3.endpoint().toString(),
                "--s3-access-key", S3ProxyFixture.ACCESS_KEY, "--s3-secret-key", S3ProxyFixture.SECRET_KEY,
                "--s3-bucket", BUCKET);
    }

    @Override
    List<Path> files() {
        return TestData.wellFormedRealWorldFiles().stream()
                .filter(f -> f.startsWith(TestData.PYDICOM_DATA.resolve("test_files"))).toList();
    }

    @Override
    Path blobDirectory() {
        return s3Directory.resolve(BUCKET);
    }

    @Override
    void stopStorage() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }
}
