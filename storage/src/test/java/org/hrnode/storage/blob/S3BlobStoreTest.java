package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3BlobStoreTest extends BlobStoreContractTest {

    private static final String BUCKET = "hrnode-blobs";

    @TempDir
    static Path directory;

    private static S3ProxyFixture s3;
    private static S3BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyFixture.start(directory);
        store = S3BlobStore.open(s3.settings(BUCKET));
    }

    @AfterAll
    static void stopS3() throws IOException {
        try {
            store.close();
        } finally {
            s3.close();
        }
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    /** Past the first 5 MiB part, so minio has started (and must abort) a multipart upload. */
    @Override
    protected long streamingFailurePoint() {
        return S3Settings.MIN_PART_SIZE + S3Settings.MIN_PART_SIZE / 2;
    }

    @Test
    void openCreatesAMissingBucketAndReopensAnExistingOne() throws IOException {
        try (S3BlobStore fresh = S3BlobStore.open(s3.settings("fresh-bucket"))) {
            fresh.put("k", new ByteArrayInputStream(new byte[] {1}));
        }
        try (S3BlobStore again = S3BlobStore.open(s3.settings("fresh-bucket"))) {
            assertThat(again.exists("k")).isTrue();
        }
    }

    @Test
    void unreachableServiceIsUnavailableAndLeaksNoSecret() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + freePort());
        S3Settings settings = new S3Settings(closed, S3Settings.DEFAULT_REGION, BUCKET, S3ProxyFixture.ACCESS_KEY,
                S3ProxyFixture.SECRET_KEY, S3Settings.MIN_PART_SIZE);

        assertThatThrownBy(() -> S3BlobStore.open(settings))
                .isInstanceOf(BlobStoreUnavailableException.class)
                .hasMessageContaining(closed.toString())
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(S3ProxyFixture.SECRET_KEY));
    }

    @Test
    void wrongSecretIsARefusalNotAnOutageAndLeaksNoSecret() {
        String wrongSecret = "not-the-secret-0123456789";
        S3Settings settings = new S3Settings(s3.endpoint(), S3Settings.DEFAULT_REGION, BUCKET,
                S3ProxyFixture.ACCESS_KEY, wrongSecret, S3Settings.MIN_PART_SIZE);

        assertThatThrownBy(() -> S3BlobStore.open(settings))
                .isInstanceOf(BlobStoreException.class)
                .isNotInstanceOf(BlobStoreUnavailableException.class)
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(wrongSecret)
                        .doesNotContain(S3ProxyFixture.SECRET_KEY));
    }

    @Test
    void settingsHideTheSecretAndRejectNonsense() {
        assertThat(s3.settings(BUCKET).toString()).doesNotContain(S3ProxyFixture.SECRET_KEY).contains("****");
        assertThatThrownBy(() -> new S3Settings(s3.endpoint(), "us-east-1", "Bad_Bucket", "a", "b",
                S3Settings.MIN_PART_SIZE)).hasMessageContaining("bucket");
        assertThatThrownBy(() -> new S3Settings(s3.endpoint(), "us-east-1", BUCKET, "a", "b", 1024))
                .hasMessageContaining("part size");
        assertThatThrownBy(() -> new S3Settings(URI.create("ftp://x"), "us-east-1", BUCKET, "a", "b",
                S3Settings.MIN_PART_SIZE)).hasMessageContaining("endpoint");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String fullText(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
