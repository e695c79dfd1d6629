package org.hrnode.node.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.UID;

/**
 * DCMTK getscu and movescu retrieving from the node (Study Root), and what arrived. getscu proposes one
 * presentation context per storage SOP class with the syntax it is told to prefer first, so one run receives one
 * transfer syntax per SOP class: tests run it once per syntax they expect back.
 */
final class RetrieveScu {

    static final String GET_AE_TITLE = "GETSCU";
    static final String MOVE_AE_TITLE = "MOVESCU";

    /** getscu's option that proposes each syntax first; every syntax of the real-world test files has one. */
    private static final Map<String, String> GETSCU_PREFERENCE = Map.ofEntries(
            // getscu 3.6.7 has no option that proposes Implicit VR first (its +xi proposes Explicit VR LE only):
            // the node transcodes implicit instances to the Explicit VR LE of getscu's default proposal
            Map.entry(UID.ImplicitVRLittleEndian, "+x="),
            Map.entry(UID.ExplicitVRLittleEndian, "+xe"),
            Map.entry(UID.ExplicitVRBigEndian, "+xb"),
            Map.entry(UID.DeflatedExplicitVRLittleEndian, "+xd"),
            Map.entry(UID.JPEGBaseline8Bit, "+xy"),
            Map.entry(UID.JPEGExtended12Bit, "+xx"),
            Map.entry(UID.JPEGLosslessSV1, "+xs"),
            Map.entry(UID.JPEGLSLossless, "+xt"),
            Map.entry(UID.JPEGLSNearLossless, "+xu"),
            Map.entry(UID.JPEG2000Lossless, "+xv"),
            Map.entry(UID.JPEG2000, "+xw"),
            Map.entry(UID.RLELossless, "+xr"));

    private RetrieveScu() {
    }

    /** Whether getscu can ask for {@code transferSyntaxUid} first, and so receive instances in it unconverted. */
    static boolean getsAsStored(String transferSyntaxUid) {
        return !UID.ImplicitVRLittleEndian.equals(transferSyntaxUid);
    }

    /** C-GET of {@code keys} ("QueryRetrieveLevel=STUDY", …) into {@code outDir}, bit-preserving. */
    static PeerProcess.Result get(int port, String transferSyntaxUid, Path outDir, List<String> keys)
            throws IOException, InterruptedException {
        String preference = GETSCU_PREFERENCE.get(transferSyntaxUid);
        if (preference == null) {
            throw new IllegalArgumentException("no getscu option proposes transfer syntax " + transferSyntaxUid);
        }
        Files.createDirectories(outDir);
        return PeerProcess.run(PeerProcess.args("getscu", "-v", "-S", "+B", preference, "-aet", GET_AE_TITLE,
                "-aec", NodeUnderTest.AE_TITLE, "-od", outDir, NodeUnderTest.LOOPBACK, port, matchingKeys(keys)));
    }

    /** C-MOVE of {@code keys} to the AE titled {@code destination}. */
    static PeerProcess.Result move(int port, String destination, List<String> keys)
            throws IOException, InterruptedException {
        return PeerProcess.run(PeerProcess.args("movescu", "-v", "-S", "-aet", MOVE_AE_TITLE, "-aec",
                NodeUnderTest.AE_TITLE, "-aem", destination, NodeUnderTest.LOOPBACK, port, matchingKeys(keys)));
    }

    /** The Part 10 files under {@code dir}, by the SOP Instance UID they hold. */
    static Map<String, Path> receivedFiles(Path dir) throws IOException {
        Map<String, Path> bySopInstanceUid = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                InstanceFile instance = InstanceFile.read(f)
                        .orElseThrow(() -> new AssertionError(f + " arrived without SOP Class or Instance UID"));
                Path earlier = bySopInstanceUid.put(instance.sopInstanceUid(), f);
                if (earlier != null) {
                    throw new AssertionError(instance.sopInstanceUid() + " arrived twice: " + earlier + ", " + f);
                }
            }
        }
        return bySopInstanceUid;
    }

    private static List<String> matchingKeys(List<String> keys) {
        return keys.stream().flatMap(k -> Stream.of("-k", k)).toList();
    }
}
