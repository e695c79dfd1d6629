package org.hrnode.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A stand-in for MinIO in the DIMSE ingest benchmark (docs/PERFORMANCE.md): S3Proxy serving a directory over the S3
 * API on 127.0.0.1, with request signatures checked as MinIO checks them. Runs until killed.
 *
 * <p>usage: {@code java -cp bench/target/hrnode-bench.jar:bench/target/lib/* org.hrnode.bench.S3ProxyServer DIR PORT}
 * with {@code S3_ACCESS_KEY} and {@code S3_SECRET_KEY} in the environment; prints the endpoint once it is up.
 */
public final class S3ProxyServer {

    private S3ProxyServer() {
    }

    /** Read by logback at its first use, which comes after this is set. */
    private static final String LOGGING = "s3proxy-logback.xml";

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", LOGGING);
        if (args.length != 2 || System.getenv("S3_ACCESS_KEY") == null || System.getenv("S3_SECRET_KEY") == null) {
            System.err.println("usage: S3_ACCESS_KEY=.. S3_SECRET_KEY=.. S3ProxyServer DIR PORT");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, System.getenv("S3_ACCESS_KEY"),
                        System.getenv("S3_SECRET_KEY"))
                .endpoint(URI.create("http://127.0.0.1:" + Integer.parseInt(args[1])))
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("S3Proxy did not start: state " + proxy.getState());
        }
        System.out.println("S3 endpoint http://127.0.0.1:" + proxy.getPort() + " serving " + dir);
        Thread.currentThread().join();
    }
}
