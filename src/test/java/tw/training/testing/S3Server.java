package tw.training.testing;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * An S3-compatible server (S3Proxy over a folder of target/) started in the test JVM, one per JVM, with a
 * fresh bucket per caller. The evidence store talks to it exactly as to AWS S3: signed requests, path style.
 */
public final class S3Server {

    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key-for-s3proxy";
    private static S3Proxy proxy;
    private static BlobStoreContext blobs;
    private static URI endpoint;

    private S3Server() {
    }

    /** Evidence-store properties pointing at a new bucket of the running server. */
    public static synchronized Map<String, String> freshBucket() {
        start();
        String bucket = "evidence-" + UUID.randomUUID().toString().substring(0, 8);
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        return Map.of("app.evidence.store", "s3",
                "app.evidence.s3.endpoint", endpoint.toString(),
                "app.evidence.s3.bucket", bucket,
                "app.evidence.s3.region", "us-east-1",
                "app.evidence.s3.access-key", ACCESS_KEY,
                "app.evidence.s3.secret-key", SECRET_KEY,
                "app.evidence.staging-dir", TestFolders.fresh("s3-incoming").toString());
    }

    /** Deletes every object of the bucket these properties name, as an operator's mistake or an older backup would. */
    public static synchronized void empty(Map<String, String> properties) {
        blobs.getBlobStore().clearContainer(properties.get("app.evidence.s3.bucket"));
    }

    private static void start() {
        if (proxy != null) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", TestFolders.fresh("s3").toString());
        blobs = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
        endpoint = URI.create("http://127.0.0.1:" + freePort());
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
