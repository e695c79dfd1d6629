package org.hrnode.aiqc.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/** One line of {@code catalog-match-cases.tsv}: a study's headers and the items it must match. */
record MatchCase(int line, Set<Integer> expected, String[] cells) {

    static final String CASES = "/catalog-match-cases.tsv";
    static final String HOLDOUT = "/catalog-match-holdout.tsv";

    static List<MatchCase> all(String resource) throws IOException {
        List<MatchCase> cases = new ArrayList<>();
        try (InputStream in = MatchCase.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), 11);
                Set<Integer> expected = new TreeSet<>();
                if (!"-".equals(cells[0])) {
                    for (String n : cells[0].split(",")) {
                        expected.add(Integer.parseInt(n.strip()));
                    }
                }
                cases.add(new MatchCase(number, expected, cells));
            }
        }
        return cases;
    }

    /** The instance headers: one per series description or view, whichever list is longer. */
    List<Dataset> instances() {
        String[] series = split(cells[5]);
        String[] views = split(cells[7]);
        String[] sides = split(cells[8]);
        int n = Math.max(1, Math.max(series.length, views.length));
        List<Dataset> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dataset ds = new Dataset();
            ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1." + line + "." + (i + 1));
            ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1." + line);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1." + line + ".0." + (i + 1));
            put(ds, Tag.Modality, VR.CS, cells[1]);
            put(ds, Tag.BodyPartExamined, VR.CS, cells[2]);
            put(ds, Tag.StudyDescription, VR.LO, cells[3]);
            put(ds, Tag.RequestedProcedureDescription, VR.LO, cells[4]);
            put(ds, Tag.SeriesDescription, VR.LO, pick(series, i));
            put(ds, Tag.ProtocolName, VR.LO, cells[6]);
            put(ds, Tag.ViewPosition, VR.CS, i < views.length ? views[i] : null);
            put(ds, Tag.ImageLaterality, VR.CS, pick(sides, i));
            put(ds, Tag.ContrastBolusAgent, VR.LO, cells[9]);
            put(ds, Tag.PatientAge, VR.AS, cells[10]);
            out.add(ds);
        }
        return out;
    }

    private static String[] split(String cell) {
        return cell == null || cell.isEmpty() ? new String[0] : cell.split("\\|", -1);
    }

    private static String pick(String[] values, int i) {
        return values.length == 0 ? null : values[Math.min(i, values.length - 1)];
    }

    private static void put(Dataset ds, int tag, VR vr, String value) {
        if (value != null && !value.isEmpty()) {
            ds.setString(tag, vr, value);
        }
    }

    String describe() {
        return "line " + line + " " + String.join(" / ", Arrays.stream(cells).filter(c -> c != null && !c.isEmpty())
                .toList());
    }
}
