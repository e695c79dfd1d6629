package org.hrnode.aiqc.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;

/**
 * Finds the source images under a folder (recursively, in path order): every readable greyscale DICOM image of at
 * least {@value #MIN_SIDE} px a side, at most {@value #SLICES_PER_SERIES} evenly spaced slices of one series (so a
 * 48-slice volume does not outweigh single radiographs), the middle frame of multi-frame objects. Files that are
 * not DICOM, have no pixels, are colour, or cannot be decoded here are counted in {@link Scan#skipped()} by reason.
 *
 * <p>Sources for the split: the images of one Series Instance UID are one source. An image whose 16×16
 * thumbnail correlates above {@value #SAME_PICTURE_CORRELATION} with one already kept is the same picture in another
 * transfer syntax (test sets such as NEMA WG04 carry each image in six encodings, not always with the same UIDs,
 * and pydicom's MR_small is WG04's MR1 downsampled): it is dropped, so it can be neither weight nor leak.
 */
public final class TrainingSources {

    static final int MIN_SIDE = 64;
    static final int SLICES_PER_SERIES = 8;
    static final double SAME_PICTURE_CORRELATION = 0.985;
    private static final int THUMB = 16;

    /** The sources found, and how many files were passed over and why. */
    public record Scan(List<SourceImage> images, Map<String, Integer> skipped) {
        public int groupCount() {
            return (int) images.stream().map(SourceImage::group).distinct().count();
        }

        /** SHA-256 over the ids and working pixels of the images, in id order: names the training data. */
        public String dataHash() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (SourceImage s : images.stream().sorted(Comparator.comparing(SourceImage::id)).toList()) {
                    sha.update(s.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    ByteBuffer b = ByteBuffer.allocate(WorkingImage.SIZE * WorkingImage.SIZE * Float.BYTES);
                    b.asFloatBuffer().put(s.image().pixelsUnsafe());
                    sha.update(b);
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }

    private record Candidate(Path file, String id, String series, int instance, QcModality modality,
            WorkingImage image) {
    }

    private TrainingSources() {
    }

    /**
     * Scans each folder in turn. An image's id is its path relative to its folder, prefixed with the folder's own
     * name (so {@code ../shared/data} and pydicom's {@code test_files} give {@code data/…} and
     * {@code test_files/…}, the same on every checkout).
     */
    public static Scan scan(List<Path> dirs) throws IOException {
        Map<String, Integer> skipped = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Path dir : dirs) {
            scanFolder(dir, candidates, skipped);
        }
        List<SourceImage> images = group(thinSeries(candidates), skipped);
        return new Scan(images, skipped);
    }

    private static void scanFolder(Path dir, List<Candidate> candidates, Map<String, Integer> skipped)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path root = dir.toAbsolutePath().normalize();
        String prefix = root.getFileName() == null ? "" : root.getFileName() + "/";
        for (Path file : files) {
            String id = prefix + dir.relativize(file).toString().replace('\\', '/');
            try {
                Candidate c = read(file, id);
                if (c != null) {
                    candidates.add(c);
                } else {
                    skipped.merge("smaller than " + MIN_SIDE + " px", 1, Integer::sum);
                }
            } catch (DicomParseException e) {
                skipped.merge("not DICOM", 1, Integer::sum);
            } catch (PixelDataException e) {
                skipped.merge(reason(e), 1, Integer::sum);
            } catch (IOException | RuntimeException e) {
                skipped.merge("unreadable", 1, Integer::sum);
            }
        }
    }

    private static String reason(PixelDataException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("greyscale")) {
            return "palette or other colour";
        }
        if (m.contains("no Pixel Data")) {
            return "no pixel data";
        }
        return "pixel data not decodable here";
    }

    private static Candidate read(Path file, String id) throws IOException, DicomParseException,
            PixelDataException {
        DicomFile dicom = DicomReader.readFile(file);
        Dataset ds = dicom.dataset();
        if (!ds.contains(Tag.PixelData)) {
            throw new PixelDataException("the dataset has no Pixel Data");
        }
        PixelDescription d = PixelDescription.of(ds);
        if (d.rows() < MIN_SIDE || d.columns() < MIN_SIDE) {
            return null;
        }
        int frame = d.numberOfFrames() / 2;
        WorkingImage image = DicomWorkingImages.of(ds, dicom.transferSyntax(), frame);
        String series = ds.getString(Tag.SeriesInstanceUID, "");
        String frameId = d.numberOfFrames() > 1 ? id + "#" + (frame + 1) : id;
        return new Candidate(file, frameId, series, ds.getInt(Tag.InstanceNumber, 0),
                QcModality.ofDicom(ds.getString(Tag.Modality)), image);
    }

    /** Keeps at most {@link #SLICES_PER_SERIES} evenly spaced images (by Instance Number) of each series. */
    private static List<Candidate> thinSeries(List<Candidate> all) {
        Map<String, List<Candidate>> bySeries = new LinkedHashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            if (c.series().isEmpty()) {
                out.add(c);
            } else {
                bySeries.computeIfAbsent(c.series(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<Candidate> series : bySeries.values()) {
            series.sort(Comparator.comparingInt(Candidate::instance).thenComparing(Candidate::id));
            int n = series.size();
            int keep = Math.min(n, SLICES_PER_SERIES);
            for (int i = 0; i < keep; i++) {
                out.add(series.get((int) ((long) i * n / keep + n / (2L * keep))));
            }
        }
        out.sort(Comparator.comparing(Candidate::id));
        return out;
    }

    /**
     * Drops repeated pictures (the same picture in another encoding adds nothing but weight) and groups the rest
     * by series; the group of an image is named by the id of its first member.
     */
    private static List<SourceImage> group(List<Candidate> all, Map<String, Integer> skipped) {
        List<Candidate> cs = new ArrayList<>();
        List<float[]> thumbs = new ArrayList<>();
        Map<String, String> groupOfSeries = new HashMap<>();
        List<SourceImage> out = new ArrayList<>();
        next:
        for (Candidate c : all) {
            float[] thumb = thumbnail(c.image());
            for (int j = 0; j < cs.size(); j++) {
                if (correlation(thumb, thumbs.get(j)) > SAME_PICTURE_CORRELATION) {
                    skipped.merge("same picture as another file", 1, Integer::sum);
                    continue next;
                }
            }
            String group = c.series().isEmpty() ? c.id() : groupOfSeries.computeIfAbsent(c.series(), k -> c.id());
            cs.add(c);
            thumbs.add(thumb);
            out.add(new SourceImage(c.id(), group, c.modality(), c.image()));
        }
        return out;
    }

    private static float[] thumbnail(WorkingImage image) {
        float[] p = image.pixelsUnsafe();
        int f = WorkingImage.SIZE / THUMB;
        float[] t = new float[THUMB * THUMB];
        for (int y = 0; y < WorkingImage.SIZE; y++) {
            for (int x = 0; x < WorkingImage.SIZE; x++) {
                t[(y / f) * THUMB + x / f] += p[y * WorkingImage.SIZE + x] / (f * f);
            }
        }
        return t;
    }

    static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? (saa == sbb ? 1 : 0) : sab / Math.sqrt(saa * sbb);
    }

}
