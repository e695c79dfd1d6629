package org.hrnode.node.peers;

import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.testing.TestData;

/** {@link DcmtkRoundTrip} with every well-formed real-world file, blobs in the node's data directory. */
class DcmtkRoundTripFileSystemTest extends DcmtkRoundTrip {

    @Override
    NodeUnderTest startNode(Path dir) throws Exception {
        return NodeUnderTest.start(dir);
    }

    @Override
    List<Path> files() {
        return TestData.wellFormedRealWorldFiles();
    }

    @Override
    Path blobDirectory() {
        return node.node().config().blobDir();
    }
}
