package org.hrnode.aiqc.rules;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * Where an image lies in the patient coordinate system (PS3.3 §C.7.6.2.1.1): row and column direction cosines
 * from Image Orientation (Patient), the slice normal row × column, and Image Position (Patient). Patient axes are
 * +x to the patient's left, +y posterior, +z head.
 */
public record Geometry(double[] row, double[] column, double[] normal, double[] position) {

    /** Anatomical plane of a slice, from the patient axis its normal is closest to. */
    public enum Plane {
        SAGITTAL, CORONAL, AXIAL
    }

    /**
     * The geometry of an image (of its first frame, for enhanced multi-frame images whose functional groups carry
     * it), or null when it lacks a usable orientation or position.
     */
    public static Geometry of(Dataset dataset) {
        double[] iop;
        double[] ipp;
        Dataset orientation = Headers.holderOf(dataset, Tag.PlaneOrientationSequence, Tag.ImageOrientationPatient);
        Dataset position = Headers.holderOf(dataset, Tag.PlanePositionSequence, Tag.ImagePositionPatient);
        if (orientation == null || position == null) {
            return null;
        }
        try {
            iop = orientation.getDoubles(Tag.ImageOrientationPatient);
            ipp = position.getDoubles(Tag.ImagePositionPatient);
        } catch (RuntimeException e) {
            return null;
        }
        if (iop.length != 6 || ipp.length != 3) {
            return null;
        }
        double[] row = unit(new double[] {iop[0], iop[1], iop[2]});
        double[] col = unit(new double[] {iop[3], iop[4], iop[5]});
        if (row == null || col == null) {
            return null;
        }
        double[] n = unit(cross(row, col));
        return n == null ? null : new Geometry(row, col, n, ipp.clone());
    }

    /** Distance of the slice along a normal (the position projected on it), in mm. */
    public double along(double[] axis) {
        return dot(position, axis);
    }

    public Plane plane() {
        double x = Math.abs(normal[0]);
        double y = Math.abs(normal[1]);
        double z = Math.abs(normal[2]);
        return x >= y && x >= z ? Plane.SAGITTAL : y >= z ? Plane.CORONAL : Plane.AXIAL;
    }

    /** Whether {@code other} has the same row and column directions within {@code minCos}. */
    public boolean sameOrientation(Geometry other, double minCos) {
        return dot(row, other.row) >= minCos && dot(column, other.column) >= minCos;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] unit(double[] v) {
        double len = Math.sqrt(dot(v, v));
        if (!(len > 1e-6)) {
            return null;
        }
        return new double[] {v[0] / len, v[1] / len, v[2] / len};
    }
}
