package org.hrnode.node.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrnode.aiqc.pipeline.StudyAssessor;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * The node under test, started in-process the way {@code ./hrnode run} starts it: its own data directory, the DICOM
 * and HTTP ports chosen by the system on 127.0.0.1, the default AE title, and (unless the flags say dev mode) only
 * calling AE titles that are in its AE registry. Configured by flags alone, so nothing in the environment leaks in.
 */
public final class NodeUnderTest implements AutoCloseable {

    public static final String AE_TITLE = "HRNODE";
    static final String LOOPBACK = "127.0.0.1";
    /** Peers that only call the node never listen; the registry still wants a port, which is never used. */
    private static final int NEVER_CALLED_PORT = AcceptorConfig.DICOM_PORT;
    /** The institution of every AE the test registers. */
    public static final String INSTITUTION_CODE = "510000-TEST";
    private static final String INSTITUTION_NAME = "四川省测试医院";

    private final Node node;

    private NodeUnderTest(Node node) {
        this.node = node;
    }

    /** Starts a node on {@code dataDir} with the given extra flags (e.g. {@code --dev-mode true}). */
    public static NodeUnderTest start(Path dataDir, String... flags) throws IOException {
        return new NodeUnderTest(Node.start(config(dataDir, flags)));
    }

    /** Starts a node whose AI QC judges through {@code assessor}. */
    public static NodeUnderTest startWithAssessor(Path dataDir, StudyAssessor assessor, String... flags)
            throws IOException {
        NodeConfig config = config(dataDir, flags);
        return new NodeUnderTest(Node.start(config, NodeStorage.openAsOwner(config), Optional.of(assessor)));
    }

    /** Starts a node whose AI QC judges through {@code assessor} and whose blobs live in {@code blobs}. */
    public static NodeUnderTest startWithAssessor(Path dataDir, BlobStore blobs, StudyAssessor assessor,
            String... flags) throws IOException {
        NodeConfig config = config(dataDir, flags);
        return new NodeUnderTest(Node.start(config, NodeStorage.openAsOwner(config, blobs), Optional.of(assessor)));
    }

    /** Starts a node whose blobs live in {@code blobs} instead of the configured store. */
    public static NodeUnderTest startWithBlobStore(Path dataDir, BlobStore blobs, String... flags) throws IOException {
        NodeConfig config = config(dataDir, flags);
        return new NodeUnderTest(Node.start(config, NodeStorage.openAsOwner(config, blobs)));
    }

    private static NodeConfig config(Path dataDir, String... flags) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--dicom-port", "0",
                "--http-port", "0", "--bind-address", LOOPBACK, "--ae-title", AE_TITLE));
        args.addAll(List.of(flags));
        try {
            return new ConfigLoader(Map.of()).load(args);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("test node flags " + args + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return node.dicomPort();
    }

    public Node node() {
        return node;
    }

    /** Registers AE titles that call the node (SCUs), so their associations are accepted. */
    public NodeUnderTest allowCallers(String... aeTitles) {
        for (String aeTitle : aeTitles) {
            node.storage().aeRegistry().put(new ApplicationEntity(aeTitle, LOOPBACK, NEVER_CALLED_PORT,
                    INSTITUTION_CODE, INSTITUTION_NAME, null, true));
        }
        return this;
    }

    /** Registers a calling AE whose uncompressed images the node treats as {@code uncompressed} says. */
    public NodeUnderTest allowCaller(String aeTitle, UncompressedImages uncompressed) {
        node.storage().aeRegistry().put(new ApplicationEntity(aeTitle, LOOPBACK, NEVER_CALLED_PORT,
                INSTITUTION_CODE, INSTITUTION_NAME, null, true, uncompressed));
        return this;
    }

    /** Registers a peer listening on 127.0.0.1 at {@code port}: a C-MOVE destination that may also call in. */
    public NodeUnderTest addPeer(String aeTitle, int port) {
        node.storage().aeRegistry().put(new ApplicationEntity(aeTitle, LOOPBACK, port, INSTITUTION_CODE,
                INSTITUTION_NAME, null, true));
        return this;
    }

    /** The current instances of these studies, as retrieval sees them. */
    public List<StoredInstanceRef> instancesOfStudies(Collection<String> studyInstanceUids) {
        return node.storage().index().instancesOf(QueryLevel.STUDY, List.copyOf(studyInstanceUids));
    }

    /** The current version of one instance, if stored. */
    public Optional<StoredInstanceRef> instance(String sopInstanceUid) {
        return node.storage().index().instancesOf(QueryLevel.IMAGE, sopInstanceUid).stream().findFirst();
    }

    /** The Part 10 object the node stored for {@code ref}. */
    public byte[] storedObject(StoredInstanceRef ref) throws IOException {
        try (InputStream in = node.storage().blobs().get(ref.blobKey())) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        node.close();
    }
}
