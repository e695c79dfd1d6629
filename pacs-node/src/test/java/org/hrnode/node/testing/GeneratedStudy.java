package org.hrnode.node.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomWriter;

/**
 * A synthetic CT study written as Part 10 files (Explicit VR Little Endian), reproducible from a seed: fresh UIDs,
 * random 12-bit pixels. Most slices are small so that many fit in a short test; every {@value #LARGE_EVERY}th is
 * larger, so a send cut off at a random moment often cuts through the middle of a data set.
 */
public final class GeneratedStudy {

    /** One generated file and the SHA-256 of its data set (what a receiver must store unchanged). */
    public record Instance(Path file, String sopInstanceUid, String dataSetSha256) {
    }

    private static final int SMALL_SIDE = 64;
    private static final int LARGE_SIDE = 512;
    private static final int LARGE_EVERY = 16;
    private static final int BITS_STORED = 12;
    private static final int BYTES_PER_PIXEL = 2;
    private static final String UUID_UID_ROOT = "2.25.";

    private final String studyInstanceUid;
    private final List<Instance> instances;

    private GeneratedStudy(String studyInstanceUid, List<Instance> instances) {
        this.studyInstanceUid = studyInstanceUid;
        this.instances = instances;
    }

    /** Writes {@code count} instances of one new study, in one series, into {@code dir}. */
    public static GeneratedStudy write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        String study = uid(random);
        String series = uid(random);
        List<Instance> instances = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String sop = uid(random);
            int side = i % LARGE_EVERY == 0 ? LARGE_SIDE : SMALL_SIDE;
            Path file = dir.resolve(String.format("IM%05d.dcm", i));
            DicomWriter.writeFile(file, slice(study, series, sop, i, side, random),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            instances.add(new Instance(file, sop, DataSetDigest.ofFile(file)));
        }
        return new GeneratedStudy(study, List.copyOf(instances));
    }

    private static Dataset slice(String study, String series, String sop, int number, int side, Random random) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sop);
        ds.setString(Tag.StudyDate, VR.DA, "20261121");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "DURABILITY^TEST");
        ds.setString(Tag.PatientID, VR.LO, "DURABILITY");
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.SeriesNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, side);
        ds.setInts(Tag.Columns, VR.US, side);
        ds.setInts(Tag.BitsAllocated, VR.US, Byte.SIZE * BYTES_PER_PIXEL);
        ds.setInts(Tag.BitsStored, VR.US, BITS_STORED);
        ds.setInts(Tag.HighBit, VR.US, BITS_STORED - 1);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[side * side * BYTES_PER_PIXEL];
        random.nextBytes(pixels);
        for (int i = 1; i < pixels.length; i += BYTES_PER_PIXEL) {
            pixels[i] &= (1 << (BITS_STORED - Byte.SIZE)) - 1;
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    /** A "2.25." UID from 128 seeded random bits. */
    private static String uid(Random random) {
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * 2).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return UUID_UID_ROOT + new BigInteger(1, bytes.array());
    }

    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    public List<Instance> instances() {
        return instances;
    }
}
