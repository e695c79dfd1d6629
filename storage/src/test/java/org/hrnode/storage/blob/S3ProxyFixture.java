package org.hrnode.storage.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 API in-process: S3Proxy over a directory, on 127.0.0.1 and an ephemeral port, with signature checking on
 * so requests are authenticated as they would be by MinIO.
 */
public final class S3ProxyFixture implements AutoCloseable {

    public static final String ACCESS_KEY = "hrnode-test-access";
    public static final String SECRET_KEY = "hrnode-test-secret-7f3a9c";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyFixture(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static S3ProxyFixture start(Path directory) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(directory.toString()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("S3Proxy did not start: state " + proxy.getState());
        }
        return new S3ProxyFixture(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Settings settings(String bucket) {
        return new S3Settings(endpoint, S3Settings.DEFAULT_REGION, bucket, ACCESS_KEY, SECRET_KEY,
                S3Settings.MIN_PART_SIZE);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping S3Proxy", e);
        } catch (Exception e) {
            throw new IOException("S3Proxy did not stop", e);
        }
    }
}
