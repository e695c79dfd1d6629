package org.hrnode.node.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a set of real files is sent in parallel lanes so that the outcome is known in advance. Real-world files share
 * SOP Instance UIDs (pydicom's MR_small in eight encodings, fo-dicom's charset files in two folders): each such
 * group goes to one lane, in a fixed order, so the node's current version of each instance is the last file of its
 * group that it stored, whatever the lanes' timing.
 */
final class SendPlan {

    private final List<Path> files;
    private final Map<Path, InstanceFile> instances = new LinkedHashMap<>();
    private final List<List<Path>> lanes;

    private SendPlan(List<Path> files, int laneCount) {
        this.files = List.copyOf(files);
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            Optional<InstanceFile> instance = InstanceFile.read(file);
            instance.ifPresent(i -> instances.put(file, i));
            String groupKey = instance.map(InstanceFile::sopInstanceUid).orElse("file:" + file);
            groups.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(file);
        }
        lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Path> group : groups.values()) {
            lanes.get(next).addAll(group);
            next = (next + 1) % laneCount;
        }
    }

    static SendPlan of(List<Path> files, int laneCount) {
        return new SendPlan(files, laneCount);
    }

    List<Path> files() {
        return files;
    }

    /** The lanes: each a list of files sent in order over one association. */
    List<List<Path>> lanes() {
        return lanes.stream().filter(lane -> !lane.isEmpty()).map(List::copyOf).toList();
    }

    /** What our reader knows of {@code file}; empty for files with no SOP Class or Instance UID. */
    Optional<InstanceFile> instance(Path file) {
        return Optional.ofNullable(instances.get(file));
    }

    /**
     * The file whose content the node should hold now for each SOP Instance UID: the last one in lane order among
     * {@code stored}.
     */
    Map<String, InstanceFile> currentVersions(List<Path> stored) {
        Map<String, InstanceFile> current = new LinkedHashMap<>();
        for (List<Path> lane : lanes) {
            for (Path file : lane) {
                if (stored.contains(file)) {
                    InstanceFile instance = instances.get(file);
                    current.put(instance.sopInstanceUid(), instance);
                }
            }
        }
        return current;
    }
}
