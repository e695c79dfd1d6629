package org.hrnode.node.peers;

import java.nio.file.Path;
import java.util.List;

/**
 * The DICOMweb client checks against Orthanc's DICOMweb plugin (Debian orthanc-dicomweb): proof that the harness
 * itself (npm dicomweb-client, OHIF in Chromium, the expectations) is right, independently of the node. Orthanc 1.10
 * has no CORS, so OHIF reaches it through a same-origin proxy.
 */
class DicomWebClientsOrthancTest extends DicomWebClientsContract {

    private OrthancPeer orthanc;

    @Override
    void startServer(Path dir) throws Exception {
        orthanc = OrthancPeer.startDicomWeb(dir);
    }

    @Override
    void stopServer() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Override
    String dicomWebRoot() {
        return orthanc.dicomWebRoot();
    }

    @Override
    String wadoUriEndpoint() {
        return orthanc.wadoUriEndpoint();
    }

    @Override
    void load(List<Path> files) throws Exception {
        for (Path f : files) {
            orthanc.upload(f);
        }
    }

    @Override
    boolean answersCors() {
        return false;
    }

    @Override
    int viewerPort() {
        return 0;
    }
}
