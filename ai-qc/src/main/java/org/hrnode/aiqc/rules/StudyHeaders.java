package org.hrnode.aiqc.rules;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The headers of one study's instances, grouped by series in the order they came, and the moment the study is
 * judged at (for "not in the future"; a parameter so that tests and re-runs are reproducible).
 */
public record StudyHeaders(List<Dataset> instances, List<SeriesHeaders> series, ZonedDateTime judgedAt) {

    public StudyHeaders {
        instances = List.copyOf(instances);
        series = List.copyOf(series);
    }

    public static StudyHeaders of(List<Dataset> instances, ZonedDateTime judgedAt) {
        Map<String, List<Dataset>> bySeries = new LinkedHashMap<>();
        for (Dataset d : instances) {
            bySeries.computeIfAbsent(d.getString(Tag.SeriesInstanceUID, ""), k -> new ArrayList<>()).add(d);
        }
        List<SeriesHeaders> series = new ArrayList<>();
        bySeries.forEach((uid, list) -> series.add(new SeriesHeaders(uid, ModalityFamily.of(
                list.getFirst().getString(Tag.Modality)), list)));
        return new StudyHeaders(instances, series, judgedAt);
    }

    public List<SeriesHeaders> seriesOf(ModalityFamily family) {
        return series.stream().filter(s -> s.family() == family).toList();
    }
}
