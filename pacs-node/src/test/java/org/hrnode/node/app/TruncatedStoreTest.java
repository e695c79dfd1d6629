package org.hrnode.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.CommandField;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PDataTF;
import org.hrnode.dicom.net.pdu.PduDecodeException;
import org.hrnode.dicom.net.pdu.PduDecoder;
import org.hrnode.dicom.net.pdu.PduEncoder;
import org.hrnode.dicom.net.pdu.PduLimits;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.PresentationDataValue;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.testing.Await;
import org.hrnode.node.testing.DataSetDigest;
import org.hrnode.node.testing.Dcmtk;
import org.hrnode.node.testing.GeneratedStudy;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sender that goes away in the middle of a data set (its program crashed, the network dropped, it aborted) must
 * leave nothing behind: no index row, no blob, no temporary file; and the node goes on serving. The sender here is a
 * raw socket speaking just enough of PS3.8 to get the node streaming half a data set into its blob store. The node
 * keeps uncompressed images as sent, so no compression worker changes the blob store while the test looks at it.
 */
class TruncatedStoreTest {

    /** How the sender goes away once half of the data set has been sent. */
    enum Ending {
        /** A-ABORT, as a sender's program would on an error. */
        ABORT,
        /** TCP FIN without any DICOM goodbye: the program exited. */
        CLOSE,
        /** TCP RST: the connection was torn down. */
        RESET
    }

    private static final int PRESENTATION_CONTEXT_ID = 1;
    private static final int FRAGMENT_LENGTH = 4096;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static Node node;

    @BeforeAll
    static void startNode() throws Exception {
        node = Node.start(new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--dev-mode", "true", "--uncompressed", "accept")));
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void senderGoneMidDataSetLeavesNothingAndTheNodeServesOn(Ending ending) throws Exception {
        ExternalTool.require("echoscu");
        GeneratedStudy.Instance instance = GeneratedStudy.write(dir.resolve("sent-" + ending), 1, ending.ordinal())
                .instances().getFirst();
        byte[] file = Files.readAllBytes(instance.file());
        byte[] dataSet = Arrays.copyOfRange(file, (int) DataSetDigest.dataSetOffset(instance.file()), file.length);
        Set<Path> before = blobStoreFiles();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.dicomPort())) {
            socket.setTcpNoDelay(true);
            associate(socket);
            sendCommand(socket.getOutputStream(), instance.sopInstanceUid());
            sendFragments(socket.getOutputStream(), Arrays.copyOf(dataSet, dataSet.length / 2));
            Await.until("the node streams the data set into a temporary blob", WAIT,
                    () -> blobStoreFiles().size() > before.size());
            goAway(socket, ending);
        }
        Await.until("the node finishes with the connection", WAIT, () -> node.activeAssociations() == 0);

        assertThat(node.storage().index().instancesOf(QueryLevel.IMAGE, instance.sopInstanceUid())).isEmpty();
        assertThat(blobStoreFiles()).as("files in the blob store").isEqualTo(before);
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "HRNODE", "127.0.0.1", Integer.toString(node.dicomPort()));
        assertThat(echo.exitCode()).as("echoscu after the truncated store: %s", echo.output()).isZero();
        Dcmtk.Result store = Dcmtk.run("storescu", "-aec", "HRNODE", "127.0.0.1",
                Integer.toString(node.dicomPort()), instance.file().toString());
        assertThat(store.exitCode()).as("the same instance sent whole: %s", store.output()).isZero();
        assertThat(node.storage().index().instancesOf(QueryLevel.IMAGE, instance.sopInstanceUid())).hasSize(1);
    }

    private static void associate(Socket socket) throws IOException, PduDecodeException {
        AssociationRequestBuilder rq = new AssociationRequestBuilder("TRUNCATOR", "HRNODE")
                .addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
        socket.getOutputStream().write(PduEncoder.encode(rq.build(AssociationSettings.defaults())));
        PDU reply = readPdu(socket.getInputStream());
        assertThat(reply).isInstanceOf(AAssociateAC.class);
        assertThat(((AAssociateAC) reply).presentationContext(PRESENTATION_CONTEXT_ID)
                .map(PresentationContextAC::isAccepted)).contains(true);
    }

    private static PDU readPdu(InputStream in) throws IOException, PduDecodeException {
        PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        byte[] buffer = new byte[FRAGMENT_LENGTH];
        PDU pdu = decoder.next();
        while (pdu == null) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the node closed the connection instead of answering");
            }
            decoder.feed(buffer, 0, n);
            pdu = decoder.next();
        }
        return pdu;
    }

    private static void sendCommand(OutputStream out, String sopInstanceUid) throws IOException {
        DimseCommand command = DimseCommand.request(CommandField.C_STORE_RQ, UID.CTImageStorage, 1, true)
                .affectedSopInstanceUid(sopInstanceUid);
        out.write(PduEncoder.encode(new PDataTF(List.of(PresentationDataValue.of(PRESENTATION_CONTEXT_ID, true,
                true, command.encode())))));
    }

    /** Sends {@code part} as data set fragments none of which is marked last. */
    private static void sendFragments(OutputStream out, byte[] part) throws IOException {
        for (int offset = 0; offset < part.length; offset += FRAGMENT_LENGTH) {
            byte[] fragment = Arrays.copyOfRange(part, offset, Math.min(part.length, offset + FRAGMENT_LENGTH));
            out.write(PduEncoder.encode(new PDataTF(List.of(PresentationDataValue.of(PRESENTATION_CONTEXT_ID,
                    false, false, fragment)))));
        }
        out.flush();
    }

    private static void goAway(Socket socket, Ending ending) throws IOException {
        switch (ending) {
            case ABORT -> socket.getOutputStream().write(PduEncoder.encode(AAbort.byServiceUser()));
            case CLOSE -> socket.shutdownOutput();
            case RESET -> socket.setSoLinger(true, 0);
        }
    }

    private static Set<Path> blobStoreFiles() {
        try (Stream<Path> files = Files.walk(dir.resolve("data").resolve("blobs"))) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new AssertionError("cannot list the blob store", e);
        }
    }
}
