package org.hrnode.wado.stow;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonWriter;

/**
 * The outcome of one STOW-RS request as the Store Instances Response Module (PS3.18 §10.5.3) and an HTTP status:
 *
 * <ul>
 *   <li>200: every part stored; 202: some stored, some failed; 409: none stored, each failed on its own
 *       merits; 400: the request itself is broken (framing, no parts); 503: storage became unreachable.</li>
 *   <li>Referenced SOP Sequence: each stored instance with its WADO-RS Retrieve URL; the top-level Retrieve URL is
 *       the study's when every stored instance (or the study-scoped request) names one study.</li>
 *   <li>Failed SOP Sequence: each failed part whose instance is known, with its Failure Reason; Other Failures
 *       Sequence (0008,119A): failures not tied to an instance (a part that is not Part 10, a broken request).</li>
 *   <li>Every failure item also carries its reason for a person, in private element (0009,xx10) LT of creator
 *       {@value #PRIVATE_CREATOR}, and the response holds one {@code Warning: 299} header per failure
 *       (PS3.18 §8.3.5.1) with the same text, the request's own problem first; at most {@value #MAX_WARNINGS}.</li>
 * </ul>
 * Parts already stored stay stored whatever happens later in the request, and are always listed.
 */
public final class StowResponse {

    /** Private creator of the element that holds each failure's reason as text. */
    public static final String PRIVATE_CREATOR = "HRNODE STOW";
    /** The private group and element (low byte) of that text. */
    static final int PRIVATE_GROUP = 0x0009;
    static final int FAILURE_TEXT_ELEMENT = 0x10;
    /** Warn-agent of the Warning headers. */
    static final String WARN_AGENT = "HRNODE";
    private static final int MAX_WARNING_TEXT = 300;
    /** Warning headers per response at most; the last one then says how many more failures the body lists. */
    static final int MAX_WARNINGS = 20;
    private static final DicomJsonWriter JSON = new DicomJsonWriter();

    private final String dicomWebBase;
    private final Optional<String> requiredStudy;
    private final List<StowResult.Stored> stored = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private String malformed;
    private boolean storageUnavailable;

    /** A failed part with its number in the request, for the readable text. */
    private record Failure(int part, StowResult.Failed failed) {
    }

    /**
     * @param dicomWebBase  the service's absolute URL ({@code http://host:port/dicomweb}), for Retrieve URLs
     * @param requiredStudy the study of a study-scoped request
     */
    public StowResponse(URI dicomWebBase, Optional<String> requiredStudy) {
        String base = dicomWebBase.toString();
        this.dicomWebBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.requiredStudy = requiredStudy;
    }

    public void add(int part, StowResult result) {
        switch (result) {
            case StowResult.Stored s -> stored.add(s);
            case StowResult.Failed f -> {
                failures.add(new Failure(part, f));
                storageUnavailable |= f.storageUnavailable();
            }
        }
    }

    /** The request broke off: what was stored before stays stored and listed; the status becomes 400. */
    public void malformed(String reason) {
        this.malformed = reason;
    }

    public int status() {
        if (malformed != null) {
            return 400;
        }
        if (storageUnavailable) {
            return 503;
        }
        if (failures.isEmpty()) {
            return stored.isEmpty() ? 400 : 200;
        }
        return stored.isEmpty() ? 409 : 202;
    }

    public int storedCount() {
        return stored.size();
    }

    public int failedCount() {
        return failures.size();
    }

    /** The reason of a request without any part, or of a broken one; else empty. */
    Optional<String> requestProblem() {
        if (malformed != null) {
            return Optional.of(malformed);
        }
        if (stored.isEmpty() && failures.isEmpty()) {
            return Optional.of("the request holds no parts: nothing to store");
        }
        return Optional.empty();
    }

    /** The Store Instances Response Module. */
    public Dataset dataset() {
        Dataset response = new Dataset();
        studyUrl().ifPresent(url -> response.setString(Tag.RetrieveURL, VR.UR, url));
        if (!stored.isEmpty()) {
            Sequence referenced = response.newSequence(Tag.ReferencedSOPSequence);
            for (StowResult.Stored s : stored) {
                Dataset item = referenced.addNewItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, s.sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.sopInstanceUid());
                item.setString(Tag.RetrieveURL, VR.UR, dicomWebBase + "/studies/" + s.studyInstanceUid()
                        + "/series/" + s.seriesInstanceUid() + "/instances/" + s.sopInstanceUid());
            }
        }
        List<Failure> identified = failures.stream().filter(f -> f.failed().identified()).toList();
        if (!identified.isEmpty()) {
            Sequence failed = response.newSequence(Tag.FailedSOPSequence);
            for (Failure f : identified) {
                Dataset item = failed.addNewItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, f.failed().sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.failed().sopInstanceUid());
                describe(item, f.failed().failureReason(), text(f));
            }
        }
        List<Failure> other = failures.stream().filter(f -> !f.failed().identified()).toList();
        Optional<String> problem = requestProblem();
        if (!other.isEmpty() || problem.isPresent()) {
            Sequence otherFailures = response.newSequence(Tag.OtherFailuresSequence);
            for (Failure f : other) {
                describe(otherFailures.addNewItem(), f.failed().failureReason(), text(f));
            }
            problem.ifPresent(p -> describe(otherFailures.addNewItem(), FailureReasons.CANNOT_UNDERSTAND, p));
        }
        return response;
    }

    public String json() {
        return JSON.toJson(dataset());
    }

    /**
     * One {@code Warning} header value per failure and request problem: {@code 299 HRNODE "text"} (RFC 7234
     * §5.5), the text in printable ASCII.
     */
    public List<String> warnings() {
        List<String> texts = new ArrayList<>();
        requestProblem().ifPresent(texts::add);
        failures.forEach(f -> texts.add(text(f)));
        if (texts.size() > MAX_WARNINGS) {
            // headers are not the place for thousands of lines: the body lists every failure anyway
            int more = texts.size() - (MAX_WARNINGS - 1);
            texts.subList(MAX_WARNINGS - 1, texts.size()).clear();
            texts.add(more + " more failures: see the Failed SOP Sequence in the response body");
        }
        return texts.stream().map(StowResponse::warning).toList();
    }

    private Optional<String> studyUrl() {
        Optional<String> study = requiredStudy;
        if (study.isEmpty() && !stored.isEmpty()) {
            String first = stored.getFirst().studyInstanceUid();
            if (stored.stream().allMatch(s -> s.studyInstanceUid().equals(first))) {
                study = Optional.of(first);
            }
        }
        return study.map(s -> dicomWebBase + "/studies/" + s);
    }

    private static String text(Failure f) {
        String instance = f.failed().sopInstanceUid() == null ? "" : " (" + f.failed().sopInstanceUid() + ")";
        return "part " + f.part() + instance + ": " + f.failed().reason();
    }

    private static void describe(Dataset item, int failureReason, String text) {
        item.setInts(Tag.FailureReason, VR.US, failureReason);
        item.setString(item.reservePrivateTag(PRIVATE_CREATOR, PRIVATE_GROUP, FAILURE_TEXT_ELEMENT), VR.LT, text);
    }

    private static String warning(String text) {
        String ascii = text.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("\"", "\\\"");
        if (ascii.length() > MAX_WARNING_TEXT) {
            ascii = ascii.substring(0, MAX_WARNING_TEXT) + "...";
        }
        return "299 " + WARN_AGENT + " \"" + ascii + "\"";
    }
}
