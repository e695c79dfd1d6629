package org.hrnode.aiqc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;

/**
 * Real images from ../shared/data and pydicom's test files, read whole and, where a test degrades pixels, made
 * native (Explicit VR Little Endian). The shared files are anonymised: patient ID, accession number and dates were
 * removed or replaced by "***". {@link #linked} gives a study the order linkage and dates a clinical study has, so
 * that the tests judge the images and not the anonymisation.
 */
public final class RealStudies {

    /** "Now" for every test: the study date given by {@link #linked} is the day before. */
    public static final java.time.Instant NOW = java.time.Instant.parse("2026-11-21T12:00:00Z");

    private RealStudies() {
    }

    public static Path ctHeadGe() {
        return TestData.sharedData().resolve("ct-head-ge");
    }

    public static Path mrUihT1Sag() {
        return TestData.sharedData().resolve("mr-uih-t1-sag");
    }

    public static Path wg04(String relative) {
        return TestData.sharedData().resolve("wg04").resolve(relative);
    }

    public static Path pydicom(String name) {
        return TestData.pydicomTestFiles().resolve(name);
    }

    /** Every file of a folder, sorted, as native datasets. */
    public static List<Dataset> folder(Path dir) throws Exception {
        List<Dataset> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                out.add(nativeDataset(p));
            }
        }
        return out;
    }

    /** A file's dataset with its pixels in Explicit VR Little Endian. */
    public static Dataset nativeDataset(Path file) throws Exception {
        DicomFile f = read(file);
        Dataset d = f.dataset();
        if (f.transferSyntax().isEncapsulated() || d.isBigEndian()) {
            d = Transcoder.standard().transcode(d, f.transferSyntax(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        if (d.getValue(Tag.PixelData) instanceof BulkData bulk) {
            d.set(Tag.PixelData, d.vrOf(Tag.PixelData), bulk.readAll());
        }
        return d;
    }

    public static DicomFile read(Path file) throws IOException {
        try {
            return DicomReader.readFile(file);
        } catch (org.hrnode.dicom.io.DicomParseException e) {
            throw new IOException(e);
        }
    }

    /** The datasets as one linked study: one patient, one accession, dates of the day before {@link #NOW}. */
    public static List<Dataset> linked(List<Dataset> datasets) {
        for (Dataset d : datasets) {
            d.setString(Tag.PatientID, VR.LO, "QC-TEST-1");
            d.setString(Tag.AccessionNumber, VR.SH, "ACC-1");
            d.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1.1");
            for (int tag : new int[] {Tag.StudyDate, Tag.SeriesDate, Tag.AcquisitionDate, Tag.ContentDate}) {
                d.setString(tag, VR.DA, "20261120");
            }
            for (int tag : new int[] {Tag.StudyTime, Tag.SeriesTime, Tag.AcquisitionTime, Tag.ContentTime}) {
                d.setString(tag, VR.TM, "093000");
            }
            d.remove(Tag.AcquisitionDateTime);
        }
        return datasets;
    }

    public static List<InstanceInput> inputs(List<Dataset> datasets) {
        return datasets.stream().map(d -> InstanceInput.withPixels(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .toList();
    }
}
