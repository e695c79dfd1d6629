package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may talk to the node, as DCMTK echoscu sees it: calling AE titles in the AE registry are served, others are
 * rejected at association ("Calling AE Title Not Recognized"), unless the node runs in dev mode.
 */
class DcmtkEchoAndAccessTest {

    private static final String REGISTERED = "ECHOSCU";
    private static final String STRANGER = "STRANGER";

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static NodeUnderTest devModeNode;

    @BeforeAll
    static void startNodes() throws IOException {
        PeerProcess.require("echoscu");
        node = NodeUnderTest.start(work.resolve("node")).allowCallers(REGISTERED);
        devModeNode = NodeUnderTest.start(work.resolve("dev"), "--dev-mode", "true");
    }

    @AfterAll
    static void stopNodes() throws IOException {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (devModeNode != null) {
                devModeNode.close();
            }
        }
    }

    private static PeerProcess.Result echo(NodeUnderTest target, String callingAeTitle, String calledAeTitle)
            throws Exception {
        return PeerProcess.run(PeerProcess.args("echoscu", "-v", "-aet", callingAeTitle, "-aec", calledAeTitle,
                NodeUnderTest.LOOPBACK, target.port()));
    }

    @Test
    void aRegisteredCallingAeIsAnswered() throws Exception {
        PeerProcess.Result r = echo(node, REGISTERED, NodeUnderTest.AE_TITLE);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Received Echo Response (Success)");
    }

    @Test
    void anUnregisteredCallingAeIsRejected() throws Exception {
        PeerProcess.Result r = echo(node, STRANGER, NodeUnderTest.AE_TITLE);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Association Rejected").contains("Calling AE Title Not Recognized");
    }

    @Test
    void anAeRegisteredWhileTheNodeRunsIsAcceptedAtOnce() throws Exception {
        node.allowCallers("LATECOMER");
        PeerProcess.Result r = echo(node, "LATECOMER", NodeUnderTest.AE_TITLE);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void aCallToAnotherAeTitleIsRejected() throws Exception {
        PeerProcess.Result r = echo(node, REGISTERED, "SOMEONE");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Called AE Title Not Recognized");
    }

    @Test
    void devModeAcceptsAnyCallingAe() throws Exception {
        PeerProcess.Result r = echo(devModeNode, STRANGER, NodeUnderTest.AE_TITLE);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
