package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationAcceptancePolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DCMTK echoscu against our acceptor: verification, and rejection of unknown calling or called AE titles. */
class EchoWithDcmtkTest {

    @BeforeAll
    static void peers() {
        Dcmtk.require("echoscu");
    }

    static AcceptorConfig.Builder localConfig(String aeTitle) {
        return AcceptorConfig.builder(aeTitle).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Test
    void echoscuIsAnswered() throws Exception {
        try (DicomServer server = DicomServer.start(localConfig("HRNODE"),
                ServiceRegistry.builder().verification().build())) {
            Dcmtk.Result r = Dcmtk.run("echoscu", "-aet", "ECHOSCU", "-aec", "HRNODE", "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(server.acceptor().activeAssociations()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void unknownCallingAETitleIsRejected() throws Exception {
        AcceptorConfig.Builder config = localConfig("HRNODE").acceptancePolicy(
                AssociationAcceptancePolicy.calledAETitle("HRNODE")
                        .and(AssociationAcceptancePolicy.knownCallingAETitles(Set.of("KNOWN"))));
        try (DicomServer server = DicomServer.start(config, ServiceRegistry.builder().verification().build())) {
            Dcmtk.Result stranger = Dcmtk.run("echoscu", "-aet", "STRANGER", "-aec", "HRNODE", "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(stranger.exitCode()).isNotZero();
            assertThat(stranger.output()).contains("Association Rejected").contains("Calling AE Title Not Recognized");

            Dcmtk.Result wrongCalled = Dcmtk.run("echoscu", "-aet", "KNOWN", "-aec", "SOMEONE", "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(wrongCalled.exitCode()).isNotZero();
            assertThat(wrongCalled.output()).contains("Called AE Title Not Recognized");

            Dcmtk.Result known = Dcmtk.run("echoscu", "-aet", "KNOWN", "-aec", "HRNODE", "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(known.exitCode()).as(known.output()).isZero();
        }
    }
}
