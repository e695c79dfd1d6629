package org.hrnode.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.data.Dataset;

/**
 * Reads datasets from the DICOM JSON Model (PS3.18 F.2), streaming with Jackson's {@link JsonParser}: no JSON
 * tree is built, and every value goes straight into the {@link Dataset}.
 *
 * <p>What the dataset holds:
 * <ul>
 *   <li>Text as {@code String} values (encoded with the dataset's Specific Character Set when written to DICOM);
 *       multiple values joined with backslashes, {@code null} values empty, PN component groups joined with '='
 *       (a PN value sent as a plain string, as some older writers do, is taken as the whole name).
 *       A value that contains a backslash where the VR uses it as delimiter is rejected, as it would change the
 *       number of values.</li>
 *   <li>IS and DS values keep the text of the JSON number as written: {@code 1.50} stays {@code 1.50}. Only what
 *       JSON itself cannot keep is lost: a DICOM spelling such as {@code +1} or {@code .5} was already rewritten by
 *       the sender. Values sent as strings are kept as they are; the reader does not enforce PS3.5's IS and DS
 *       syntax or lengths.</li>
 *   <li>Binary numbers (US, SS, UL, SL, UV, SV, FL, FD) and AT encoded little endian; strings are accepted for
 *       numbers too ({@code "18446744073709551615"} for UV, {@code "NaN"} for FD). An empty value among binary
 *       numbers cannot be encoded and is rejected.</li>
 *   <li>{@code InlineBinary} decoded. For Pixel Data (OB or OW) whose bytes are a complete run of items, the items
 *       become {@link org.hrnode.dicom.data.Fragments}: encapsulated Pixel Data, with or without the closing
 *       Sequence Delimitation Item (see {@link DicomJsonWriter}). Native pixel data starting with the exact bytes
 *       of an item header and ending exactly where the last such "item" would is read as encapsulated too; no real
 *       image has been seen to do that.</li>
 *   <li>{@code BulkDataURI} values as the {@link BulkDataResolver} returns them; without one they are rejected.</li>
 * </ul>
 *
 * <p>Members of an attribute may come in any order: a value that precedes its {@code "vr"} is copied aside and
 * read once the VR is known. Any defect, and any input beyond the {@link JsonReadOptions} limits, is a
 * {@link DicomJsonException} naming the line, column and attribute; an {@link IOException} means the source
 * itself failed. Immutable and thread-safe; streams and readers passed in are not closed.
 */
public final class DicomJsonReader {

    /** JSON nesting per sequence level: the attribute object, its Value array, the item object. */
    private static final int JSON_LEVELS_PER_SEQUENCE = 3;
    /** JSON nesting outside sequences: an enclosing array, the dataset, an attribute, its Value, a PN object. */
    private static final int JSON_LEVELS_OUTSIDE_SEQUENCES = 5;
    private static final int BASE64_CHARS_PER_GROUP = 4;
    private static final int BYTES_PER_BASE64_GROUP = 3;

    private final JsonReadOptions options;
    private final BulkDataResolver resolver;
    private final JsonFactory factory;

    /** Default limits; documents with {@code BulkDataURI} are rejected. */
    public DicomJsonReader() {
        this(JsonReadOptions.defaults(), null);
    }

    public DicomJsonReader(JsonReadOptions options) {
        this(options, null);
    }

    private DicomJsonReader(JsonReadOptions options, BulkDataResolver resolver) {
        this.options = Objects.requireNonNull(options, "options");
        this.resolver = resolver;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(JSON_LEVELS_PER_SEQUENCE * options.maxNestingDepth() + JSON_LEVELS_OUTSIDE_SEQUENCES)
                .maxStringLength(base64Length(options.maxValueLength()))
                .maxDocumentLength(options.maxDocumentLength())
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The longest string that can hold {@code bytes} bytes as base64, capped at what a Java string can hold. */
    private static int base64Length(int bytes) {
        long groups = (bytes + (long) BYTES_PER_BASE64_GROUP - 1) / BYTES_PER_BASE64_GROUP;
        return (int) Math.min(Integer.MAX_VALUE, groups * BASE64_CHARS_PER_GROUP);
    }

    /** A reader like this one that resolves {@code BulkDataURI} values with {@code resolver}. */
    public DicomJsonReader withBulkDataResolver(BulkDataResolver resolver) {
        return new DicomJsonReader(options, Objects.requireNonNull(resolver, "resolver"));
    }

    /** Reads a document holding one dataset (a JSON object), UTF-8 or another encoding JSON allows. */
    public Dataset read(InputStream in) throws IOException, DicomJsonException {
        try (JsonParser p = factory.createParser(in)) {
            return documentParser(p).readSingleDataset();
        }
    }

    public Dataset read(Reader in) throws IOException, DicomJsonException {
        try (JsonParser p = factory.createParser(in)) {
            return documentParser(p).readSingleDataset();
        }
    }

    public Dataset read(String json) throws DicomJsonException {
        // Jackson checks the document length only as it loads more input, which a string never needs.
        if (options.maxDocumentLength() != JsonReadOptions.UNLIMITED_DOCUMENT_LENGTH
                && json.length() > options.maxDocumentLength()) {
            throw new DicomJsonException("document of " + json.length() + " characters exceeds the maximum document"
                    + " length of " + options.maxDocumentLength(), 1, 1, null, null);
        }
        try (JsonParser p = factory.createParser(json)) {
            return documentParser(p).readSingleDataset();
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail: " + e.getMessage(), e);
        }
    }

    /** Reads a document holding an array of datasets, as QIDO-RS and WADO-RS metadata responses do. */
    public List<Dataset> readArray(InputStream in) throws IOException, DicomJsonException {
        try (JsonParser p = factory.createParser(in)) {
            return documentParser(p).readDatasetArray();
        }
    }

    public List<Dataset> readArray(Reader in) throws IOException, DicomJsonException {
        try (JsonParser p = factory.createParser(in)) {
            return documentParser(p).readDatasetArray();
        }
    }

    /**
     * Reads one dataset from a parser the caller owns, positioned at the dataset's START_OBJECT or just before it,
     * and leaves it after the matching END_OBJECT. The caller's parser keeps its own Jackson constraints; this
     * reader's nesting and value limits apply as well.
     */
    public Dataset read(JsonParser parser) throws IOException, DicomJsonException {
        return documentParser(parser).readEmbeddedDataset();
    }

    private DocumentParser documentParser(JsonParser p) {
        return new DocumentParser(p, factory, options, resolver);
    }
}
