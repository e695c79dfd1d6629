package org.hrnode.dicom.net.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.net.service.FindHandler;
import org.hrnode.dicom.net.service.FindRequest;
import org.hrnode.dicom.net.service.MoveHandler;
import org.hrnode.dicom.net.service.RemoteAE;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.dicom.net.service.RetrieveRequest;

/**
 * Test handlers over an in-memory list of records: C-FIND with single-value and wildcard matching of whatever
 * keys are sent, and C-MOVE/C-GET resolving study or instance UIDs to files. Matching is deliberately simple; the
 * protocol around it is what is under test.
 */
final class InMemoryArchive implements FindHandler, MoveHandler {

    /** One row: its attributes, and for retrieval the file holding the instance (null for query-only rows). */
    record Row(Dataset attributes, Path file) {
    }

    /** How long the cancel-test handler waits for a C-CANCEL before producing its next match anyway. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(20);

    private final List<Row> rows;
    private final List<RemoteAE> destinations;
    private final boolean waitForCancelAfterFirst;
    final AtomicBoolean sawCancel = new AtomicBoolean();

    InMemoryArchive(List<Row> rows, List<RemoteAE> destinations, boolean waitForCancelAfterFirst) {
        this.rows = List.copyOf(rows);
        this.destinations = List.copyOf(destinations);
        this.waitForCancelAfterFirst = waitForCancelAfterFirst;
    }

    static Row patientStudy(String name, String id, String studyUid, String date, String modality) {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, name);
        ds.setString(Tag.PatientID, VR.LO, id);
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.ModalitiesInStudy, VR.CS, modality);
        return new Row(ds, null);
    }

    @Override
    public Stream<Dataset> find(FindRequest request) {
        Dataset keys = request.identifier();
        List<Dataset> matches = new ArrayList<>();
        for (Row row : rows) {
            if (matches(keys, row.attributes())) {
                matches.add(response(keys, row.attributes()));
            }
        }
        if (!waitForCancelAfterFirst) {
            return matches.stream();
        }
        // Lazily: after the first match, the next one is produced only once the requestor has cancelled.
        Spliterator<Dataset> lazy = new Spliterators.AbstractSpliterator<>(matches.size(), Spliterator.ORDERED) {
            private int next;

            @Override
            public boolean tryAdvance(Consumer<? super Dataset> action) {
                if (next >= matches.size()) {
                    return false;
                }
                if (next > 0) {
                    try {
                        sawCancel.set(request.cancellation().await(CANCEL_WAIT));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                action.accept(matches.get(next++));
                return true;
            }
        };
        return StreamSupport.stream(lazy, false);
    }

    @Override
    public Optional<RemoteAE> destination(String aeTitle) {
        return destinations.stream().filter(d -> d.aeTitle().equals(aeTitle)).findFirst();
    }

    @Override
    public List<RetrieveInstance> instances(RetrieveRequest request) {
        List<RetrieveInstance> result = new ArrayList<>();
        for (Row row : rows) {
            if (row.file() != null && matches(request.identifier(), row.attributes())) {
                try {
                    result.add(RetrieveInstance.ofFile(row.file()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return result;
    }

    /** Every key with a value must match (wildcards * and ? allowed); empty keys are return keys. */
    static boolean matches(Dataset keys, Dataset attributes) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.QueryRetrieveLevel || tag == Tag.SpecificCharacterSet || keys.vrAt(i) == VR.SQ) {
                continue;
            }
            String wanted = keys.getString(tag);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            String actual = attributes.getString(tag);
            if (actual == null || !wildcard(wanted).matcher(actual).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The requested keys, filled in from the row. */
    private static Dataset response(Dataset keys, Dataset attributes) {
        Dataset response = new Dataset();
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            String value = tag == Tag.QueryRetrieveLevel ? keys.getString(tag) : attributes.getString(tag);
            if (keys.vrAt(i).isCharacterString()) {
                response.setString(tag, keys.vrAt(i), value == null ? "" : value);
            }
        }
        return response;
    }
}
