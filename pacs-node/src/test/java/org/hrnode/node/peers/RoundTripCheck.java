package org.hrnode.node.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.DatasetDiff;

/**
 * Whether an instance came back from the node as it went in: in the transfer syntax the node stored it in with
 * exactly the stored data set bytes, and attribute for attribute equal to the original file (what a reader of the
 * file sees; {@link DatasetDiff}'s rules). Problems are collected, not thrown, so one run names every instance
 * that went wrong.
 */
final class RoundTripCheck {

    private final List<String> problems = new ArrayList<>();
    private int byteIdentical;
    private int transcoded;

    /**
     * @param transcodingAllowed whether the retriever may legitimately get another syntax than the stored one
     */
    void check(Path retrieved, InstanceFile original, byte[] storedObject, boolean transcodingAllowed)
            throws IOException {
        String name = original.shortName() + " (" + original.sopInstanceUid() + ")";
        Part10DataSet got = Part10DataSet.of(retrieved);
        Part10DataSet stored = Part10DataSet.of(storedObject);
        if (got.transferSyntaxUid().equals(stored.transferSyntaxUid())) {
            String difference = got.firstByteDifference(stored);
            if (difference != null) {
                problems.add(name + ": data set differs from the stored one " + difference);
            } else {
                byteIdentical++;
            }
        } else if (transcodingAllowed) {
            transcoded++;
        } else {
            problems.add(name + ": arrived in " + got.transferSyntaxUid() + ", stored in "
                    + stored.transferSyntaxUid());
        }
        String difference = differenceFromOriginal(Part10DataSet.datasetOf(retrieved), original);
        if (difference != null) {
            problems.add(name + ": differs from the original file at " + difference);
        }
    }

    /**
     * Where {@code dataset} differs from the original file, or null, apart from what senders change on the way:
     * Data Set Trailing Padding, which carries nothing (storescu drops it, PixelMed keeps it), and the VR a file got
     * wrong, which storescu writes as PS3.5 wants it ({@link #CORRECTED_BY_STORESCU}).
     */
    static String differenceFromOriginal(Dataset dataset, InstanceFile original) throws IOException {
        String difference = differenceIgnoringPadding(dataset, Part10DataSet.datasetOf(original.path()));
        return difference == null || difference.equals(CORRECTED_BY_STORESCU.get(original.fileName())) ? null
                : difference;
    }

    /** {@link DatasetDiff#firstDifference} without Data Set Trailing Padding, which DCMTK-based senders drop. */
    static String differenceIgnoringPadding(Dataset a, Dataset b) {
        a.remove(Tag.DataSetTrailingPadding);
        b.remove(Tag.DataSetTrailingPadding);
        return DatasetDiff.firstDifference(a, b);
    }

    /**
     * Files whose wrong VR storescu corrects on the way, so the node stores (and returns) the corrected one: the
     * difference DatasetDiff reports, by file name.
     */
    private static final Map<String, String> CORRECTED_BY_STORESCU = Map.of(
            // encapsulated (compressed) Pixel Data is OB (PS3.5 A.4); the file declares OW
            "693_J2KI.dcm", "(7FE0,0010): VR OB vs OW");

    void problem(String description) {
        problems.add(description);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Instances whose data set came back byte for byte as stored. */
    int byteIdentical() {
        return byteIdentical;
    }

    /** Instances that came back in another syntax than the stored one, where that was allowed. */
    int transcoded() {
        return transcoded;
    }
}
