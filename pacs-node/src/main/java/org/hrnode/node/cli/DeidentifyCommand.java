package org.hrnode.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.deid.BasicProfile;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.blob.BlobNotFoundException;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * {@code ./hrnode deidentify --study UID --out DIR}: de-identified copies of a study's instances for research or
 * teaching (PS3.15 Basic Application Level Confidentiality Profile, see {@link BasicProfile}), one Part 10 file per
 * instance named by its new SOP Instance UID, UIDs remapped consistently across the study. The export is audited.
 */
public final class DeidentifyCommand {

    static final String USAGE = "usage: ./hrnode deidentify --study STUDY_INSTANCE_UID --out DIR [config options]";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public DeidentifyCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        String study = null;
        String dir = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--study") && i + 1 < args.size()) {
                study = args.get(++i);
            } else if (a.equals("--out") && i + 1 < args.size()) {
                dir = args.get(++i);
            } else {
                configArgs.add(a);
            }
        }
        if (study == null || dir == null) {
            err.println("hrnode deidentify: --study and --out are required\n" + USAGE);
            return Main.EXIT_USAGE;
        }
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            try (CommandStorage opened = CommandStorage.open(config)) {
                NodeStorage storage = opened.storage();
                return export(storage, study, Path.of(dir));
            }
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode deidentify: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | DicomParseException | RuntimeException e) {
            err.println("hrnode deidentify: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The stored object; if the compression worker replaced it (new blob key) since the study was listed, the
     * index is asked once more for where it is now.
     */
    private static DicomFile read(NodeStorage storage, StoredInstanceRef ref) throws IOException, DicomParseException {
        try (InputStream in = storage.blobs().get(ref.blobKey())) {
            return DicomReader.read(in);
        } catch (BlobNotFoundException replaced) {
            StoredInstanceRef now = storage.index().instancesOf(QueryLevel.IMAGE, ref.sopInstanceUid()).stream()
                    .findFirst().orElseThrow(() -> replaced);
            try (InputStream in = storage.blobs().get(now.blobKey())) {
                return DicomReader.read(in);
            }
        }
    }

    int export(NodeStorage storage, String study, Path dir) throws IOException, DicomParseException {
        List<StoredInstanceRef> instances = storage.index().instancesOf(QueryLevel.STUDY, study);
        if (instances.isEmpty()) {
            err.println("hrnode deidentify: no study " + study + " on this node");
            return 1;
        }
        Files.createDirectories(dir);
        BasicProfile profile = new BasicProfile();
        for (StoredInstanceRef ref : instances) {
            DicomFile file = read(storage, ref);
            Dataset dataset = file.dataset();
            profile.apply(dataset);
            DicomWriter.writeFile(dir.resolve(dataset.getString(Tag.SOPInstanceUID) + ".dcm"), dataset,
                    file.transferSyntax());
        }
        storage.auditLog().append(List.of(new AuditEvent(Instant.now(), "os:" + System.getProperty("user.name"),
                "", "", "cli:deidentify", AuditAction.EXPORT.code(), "ok", study,
                "de-identified " + instances.size() + " instances as study " + profile.newUid(study))));
        out.println("de-identified " + instances.size() + " instances of the study into " + dir + " (new Study"
                + " Instance UID " + profile.newUid(study) + ")");
        return 0;
    }
}
