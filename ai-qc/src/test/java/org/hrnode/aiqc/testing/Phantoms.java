package org.hrnode.aiqc.testing;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.metrics.OpenCvLoader;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Synthetic studies with known properties: a knee radiograph, a head CT series, head MR series in any plane. Each
 * has the headers of a well-formed clinical study (one patient, one order, yesterday's date, geometry), so a test
 * changes exactly the property it is about. Pixel content is drawn with OpenCV from a fixed seed.
 */
public final class Phantoms {

    public static final String STUDY_UID = "1.2.826.0.1.3680043.10.2.1";
    private static int uidCounter;

    private Phantoms() {
    }

    /** A linked, dated instance of the given modality in the given series (no pixels yet). */
    public static Dataset header(String modality, String seriesUid, int instanceNumber) {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, switch (modality) {
            case "CT" -> UID.CTImageStorage;
            case "MR" -> UID.MRImageStorage;
            default -> UID.DigitalXRayImageStorageForPresentation;
        });
        d.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.3." + (++uidCounter));
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY_UID);
        d.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        d.setString(Tag.Modality, VR.CS, modality);
        d.setString(Tag.PatientID, VR.LO, "QC-PHANTOM");
        d.setString(Tag.AccessionNumber, VR.SH, "ACC-PHANTOM");
        d.setString(Tag.StudyDate, VR.DA, "20261120");
        d.setString(Tag.StudyTime, VR.TM, "100000");
        d.setString(Tag.AcquisitionDate, VR.DA, "20261120");
        d.setString(Tag.AcquisitionTime, VR.TM, "100500");
        d.setInts(Tag.InstanceNumber, VR.IS, instanceNumber);
        return d;
    }

    // ---------------------------------------------------------------- DR

    /**
     * A left knee AP radiograph, 1000×800 at 0.15 mm, 12 bits, MONOCHROME2: collimator shutters (flat, bright)
     * on the left and right 10 %, direct-exposure background, soft tissue with smooth structure and a bone with
     * sharp cortical edges and trabecular texture, quantum noise σ = 8.
     */
    public static Dataset knee() {
        return knee(0);
    }

    /** {@link #knee()} with the limb moved {@code offset} pixels right of the centre. */
    public static Dataset knee(int offset) {
        OpenCvLoader.load();
        int rows = 1000;
        int cols = 800;
        Mat img = new Mat(rows, cols, CvType.CV_32F, new Scalar(300));
        double cx = cols / 2.0 + offset;
        Imgproc.ellipse(img, new Point(cx, rows / 2.0), new Size(190, 600), 0, 0, 360, new Scalar(1500), -1);
        Mat structure = new Mat(rows, cols, CvType.CV_32F);
        Core.setRNGSeed(7);
        Core.randn(structure, 0, 1);
        Imgproc.GaussianBlur(structure, structure, new Size(0, 0), 10);
        Core.normalize(structure, structure, -200, 200, Core.NORM_MINMAX);
        Mat limb = new Mat(rows, cols, CvType.CV_8U, new Scalar(0));
        Imgproc.ellipse(limb, new Point(cx, rows / 2.0), new Size(190, 600), 0, 0, 360, new Scalar(255), -1);
        Imgproc.rectangle(img, new Point(cx - 60, 0), new Point(cx + 60, rows * 0.46), new Scalar(2800), -1);
        Imgproc.rectangle(img, new Point(cx - 70, rows * 0.54), new Point(cx + 70, rows), new Scalar(2700), -1);
        Core.add(img, structure, img, limb);
        Mat trabeculae = new Mat(rows, cols, CvType.CV_32F);
        Core.randn(trabeculae, 0, 1);
        Imgproc.GaussianBlur(trabeculae, trabeculae, new Size(0, 0), 2);
        Core.normalize(trabeculae, trabeculae, -120, 120, Core.NORM_MINMAX);
        Core.add(img, trabeculae, img, limb);
        Imgproc.GaussianBlur(img, img, new Size(0, 0), 1.2);
        Mat noise = new Mat(rows, cols, CvType.CV_32F);
        Core.randn(noise, 0, 8);
        Core.add(img, noise, img);
        int band = cols / 10;
        Imgproc.rectangle(img, new Point(0, 0), new Point(band, rows), new Scalar(4000), -1);
        Imgproc.rectangle(img, new Point(cols - band, 0), new Point(cols, rows), new Scalar(4000), -1);
        Dataset d = header("DX", "1.2.826.0.1.3680043.10.4.1", 1);
        d.setString(Tag.BodyPartExamined, VR.CS, "KNEE");
        d.setString(Tag.StudyDescription, VR.LO, "膝关节正侧位(左)");
        d.setString(Tag.ImageLaterality, VR.CS, "L");
        d.setString(Tag.ViewPosition, VR.CS, "AP");
        d.setDoubles(Tag.ImagerPixelSpacing, VR.DS, 0.15, 0.15);
        d.setDoubles(Tag.DeviationIndex, VR.DS, 0.4);
        float[] f = new float[rows * cols];
        img.get(0, 0, f);
        Pixels16.setImage(d, rows, cols, f, 12, false, "MONOCHROME2");
        return d;
    }

    // ---------------------------------------------------------------- CT

    /** An axial head CT series of {@code slices} slices {@code spacing} mm apart, 256×256 at 0.9 mm. */
    public static List<Dataset> headCt(int slices, double spacing) {
        OpenCvLoader.load();
        List<Dataset> out = new ArrayList<>();
        String series = "1.2.826.0.1.3680043.10.5." + (++uidCounter);
        for (int i = 0; i < slices; i++) {
            Dataset d = header("CT", series, i + 1);
            d.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            d.setString(Tag.BodyPartExamined, VR.CS, "HEAD");
            d.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            d.setDoubles(Tag.ImagePositionPatient, VR.DS, -115, -115, i * spacing);
            d.setDoubles(Tag.SliceThickness, VR.DS, spacing);
            d.setDoubles(Tag.PixelSpacing, VR.DS, 0.9, 0.9);
            d.setDoubles(Tag.RescaleIntercept, VR.DS, -1024);
            d.setDoubles(Tag.RescaleSlope, VR.DS, 1);
            d.setDoubles(Tag.KVP, VR.DS, 120);
            d.setDoubles(Tag.CTDIvol, VR.FD, 45);
            Pixels16.setImage(d, 256, 256, headSlice(i), 12, false, "MONOCHROME2");
            out.add(d);
        }
        return out;
    }

    /** Stored values (HU + 1024) of a head slice: skull, brain with grey/white structure, noise σ = 4 HU. */
    private static float[] headSlice(int seed) {
        Mat hu = new Mat(256, 256, CvType.CV_32F, new Scalar(-1000));
        Point c = new Point(127.5, 127.5);
        Imgproc.ellipse(hu, c, new Size(90, 105), 0, 0, 360, new Scalar(900), -1);
        Imgproc.ellipse(hu, c, new Size(84, 99), 0, 0, 360, new Scalar(38), -1);
        Imgproc.ellipse(hu, c, new Size(45, 55), 0, 0, 360, new Scalar(28), -1);
        Imgproc.ellipse(hu, c, new Size(8, 20), 0, 0, 360, new Scalar(5), -1);
        Imgproc.GaussianBlur(hu, hu, new Size(0, 0), 0.7);
        Mat noise = new Mat(256, 256, CvType.CV_32F);
        Core.setRNGSeed(100 + seed);
        Core.randn(noise, 0, 4);
        Core.add(hu, noise, hu);
        Core.add(hu, new Scalar(1024), hu);
        float[] f = new float[256 * 256];
        hu.get(0, 0, f);
        return f;
    }

    // ---------------------------------------------------------------- MR

    /** Image planes of MR series, as Image Orientation (Patient). */
    public enum Plane {
        AXIAL(1, 0, 0, 0, 1, 0), SAGITTAL(0, 1, 0, 0, 0, -1), CORONAL(1, 0, 0, 0, 0, -1);

        final double[] iop;

        Plane(double... iop) {
            this.iop = iop;
        }
    }

    /** A 2D T1 head series: 5 mm slices every 6 mm, 256×256 at 0.9 mm, Rician noise σ = 8, phase encoding COL. */
    public static List<Dataset> headMr(Plane plane, int slices) {
        OpenCvLoader.load();
        List<Dataset> out = new ArrayList<>();
        String series = "1.2.826.0.1.3680043.10.6." + (++uidCounter);
        double[] n = {plane.iop[1] * plane.iop[5] - plane.iop[2] * plane.iop[4],
            plane.iop[2] * plane.iop[3] - plane.iop[0] * plane.iop[5],
            plane.iop[0] * plane.iop[4] - plane.iop[1] * plane.iop[3]};
        for (int i = 0; i < slices; i++) {
            Dataset d = header("MR", series, i + 1);
            d.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "M");
            d.setString(Tag.BodyPartExamined, VR.CS, "HEAD");
            d.setString(Tag.MRAcquisitionType, VR.CS, "2D");
            d.setString(Tag.InPlanePhaseEncodingDirection, VR.CS, "COL");
            d.setDoubles(Tag.ImageOrientationPatient, VR.DS, plane.iop);
            double z = (i - slices / 2.0) * 6;
            d.setDoubles(Tag.ImagePositionPatient, VR.DS, -115 + n[0] * z, -115 + n[1] * z, 115 + n[2] * z);
            d.setDoubles(Tag.SliceThickness, VR.DS, 5);
            d.setDoubles(Tag.SpacingBetweenSlices, VR.DS, 6);
            d.setDoubles(Tag.PixelSpacing, VR.DS, 0.9, 0.9);
            d.setDoubles(Tag.RepetitionTime, VR.DS, 500);
            d.setDoubles(Tag.EchoTime, VR.DS, 12);
            Pixels16.setImage(d, 256, 256, mrSlice(i, 8), 12, false, "MONOCHROME2");
            out.add(d);
        }
        return out;
    }

    private static float[] mrSlice(int seed, double sigma) {
        Mat img = new Mat(256, 256, CvType.CV_32F, new Scalar(0));
        Point c = new Point(127.5, 127.5);
        Imgproc.ellipse(img, c, new Size(85, 100), 0, 0, 360, new Scalar(700), -1);
        Imgproc.ellipse(img, c, new Size(78, 93), 0, 0, 360, new Scalar(420), -1);
        Imgproc.ellipse(img, c, new Size(45, 55), 0, 0, 360, new Scalar(520), -1);
        Imgproc.ellipse(img, c, new Size(8, 20), 0, 0, 360, new Scalar(150), -1);
        Imgproc.GaussianBlur(img, img, new Size(0, 0), 0.8);
        float[] f = new float[256 * 256];
        img.get(0, 0, f);
        Pixels16.rician(f, sigma, 200 + seed);
        return f;
    }

    public static List<InstanceInput> inputs(List<Dataset> datasets) {
        return datasets.stream().map(d -> InstanceInput.withPixels(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .toList();
    }

    public static List<InstanceInput> inputs(Dataset... datasets) {
        return inputs(List.of(datasets));
    }
}
