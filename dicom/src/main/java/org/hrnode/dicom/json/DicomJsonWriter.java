package org.hrnode.dicom.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;

/**
 * Writes datasets in the DICOM JSON Model (PS3.18 F.2), streaming: values go straight from the dataset (or from
 * the file a {@link BulkData} reference points into) to the output, and no JSON tree is ever built.
 *
 * <p>Representation, where PS3.18 leaves a choice or the data does not fit it:
 * <ul>
 *   <li>Attributes in tag order, keyed by 8 upper-case hexadecimal digits; group length elements are left out
 *       (F.2.2). Private creators and private elements are written like any other attribute.</li>
 *   <li>An element without value has only {@code "vr"}; an empty value among several is {@code null} (F.2.5).</li>
 *   <li>Text values are the decoded values with their padding trimmed, as {@link Dataset#getStrings} gives them.</li>
 *   <li>PN values are objects holding their non-empty component groups, so trailing empty groups and their '='
 *       vanish (PS3.5 §6.2.1 lets them be left out). A malformed value with more than three groups keeps the
 *       surplus, '=' included, in {@code Phonetic}, so that reading it back restores the text.</li>
 *   <li>IS and DS values are JSON numbers spelled with their own digits: only a leading '+', leading zeros and a
 *       bare decimal point are rewritten ({@code +007.50} becomes {@code 7.50}). A value that is no decimal number
 *       at all ({@code 1A} in a real file) is written as a JSON string rather than failing the whole response, as
 *       pydicom 2.3.1 does; a client that insists on numbers rejects that one attribute, which is the truth about
 *       the data.</li>
 *   <li>SV and UV values are numbers up to 2^53 in magnitude and strings beyond, where JavaScript numbers lose
 *       precision (F.2.3.1). FL and FD values JSON cannot spell are the strings {@code "NaN"},
 *       {@code "Infinity"} and {@code "-Infinity"} (a NaN's payload bits are not kept).</li>
 *   <li>Binary values (OB, OD, OF, OL, OV, OW, UN) are {@code InlineBinary} or {@code BulkDataURI} as the
 *       {@link BulkDataUriPolicy} decides, little endian whatever the byte order of the source (F.2.7 applies the
 *       rules of PS3.5, and JSON carries no transfer syntax). Values held as {@link BulkData} are read only when
 *       they are inlined; big-endian ones are read whole to be swapped.</li>
 *   <li>Encapsulated Pixel Data gets a {@code BulkDataURI} when the policy gives one, as DICOMweb metadata does
 *       (the URI then serves the compressed frames, PS3.18 §8.7.3.3.2). Inline, F.2.7 asks for the Value Field,
 *       which for encapsulated data PS3.5 Table A.4-1 lays out as the Basic Offset Table item, the fragment items
 *       with their 8-byte headers, and the Sequence Delimitation Item: that is what is base64-encoded.</li>
 *   <li>A binary number element whose length is not a whole number of values loses the partial value.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Output streams and writers passed in are flushed, not closed.
 */
public final class DicomJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** Standard base64 with padding and without line breaks, as F.2.7 requires. */
    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS;
    /** What Jackson's streaming base64 writer takes for "read the stream to its end". */
    private static final int READ_TO_END = -1;

    private final BulkDataUriPolicy bulkDataUriPolicy;
    private final JsonLayout layout;

    /** Everything inline, compact. */
    public DicomJsonWriter() {
        this(BulkDataUriPolicy.inlineAll(), JsonLayout.COMPACT);
    }

    /**
     * @param bulkDataUriPolicy which binary values become {@code BulkDataURI} references
     * @param layout            layout of the output this writer creates (a {@link JsonGenerator} passed in keeps
     *                          its own)
     */
    public DicomJsonWriter(BulkDataUriPolicy bulkDataUriPolicy, JsonLayout layout) {
        this.bulkDataUriPolicy = Objects.requireNonNull(bulkDataUriPolicy, "bulkDataUriPolicy");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Writes one dataset as a JSON object, UTF-8 encoded. */
    public void write(Dataset dataset, OutputStream out) throws IOException {
        try (JsonGenerator g = configure(FACTORY.createGenerator(out, JsonEncoding.UTF8))) {
            write(dataset, g);
        }
    }

    public void write(Dataset dataset, Writer out) throws IOException {
        try (JsonGenerator g = configure(FACTORY.createGenerator(out))) {
            write(dataset, g);
        }
    }

    /** The dataset as a JSON string; for small datasets, logs and tests. */
    public String toJson(Dataset dataset) {
        StringWriter out = new StringWriter();
        try {
            write(dataset, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a bulk data value could not be read: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Writes datasets as a JSON array of objects, the body of QIDO-RS and WADO-RS metadata responses. */
    public void writeArray(Iterable<Dataset> datasets, OutputStream out) throws IOException {
        try (JsonGenerator g = configure(FACTORY.createGenerator(out, JsonEncoding.UTF8))) {
            writeArray(datasets, g);
        }
    }

    public void writeArray(Iterable<Dataset> datasets, Writer out) throws IOException {
        try (JsonGenerator g = configure(FACTORY.createGenerator(out))) {
            writeArray(datasets, g);
        }
    }

    /** Writes one dataset as a JSON object into a generator the caller owns, e.g. inside a larger document. */
    public void write(Dataset dataset, JsonGenerator g) throws IOException {
        writeDataset(dataset, null, 0, g);
    }

    public void writeArray(Iterable<Dataset> datasets, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Dataset dataset : datasets) {
            write(dataset, g);
        }
        g.writeEndArray();
    }

    private JsonGenerator configure(JsonGenerator g) {
        return layout == JsonLayout.PRETTY ? g.useDefaultPrettyPrinter() : g;
    }

    // ---- datasets and attributes ----------------------------------------------------------------------------

    /** @param sequence path of the sequence holding this dataset as item {@code itemIndex}; null at top level */
    private void writeDataset(Dataset ds, AttributePath sequence, int itemIndex, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            g.writeFieldName(Tags.toHex(tag));
            writeAttribute(ds, i, sequence == null ? AttributePath.of(tag) : sequence.nested(itemIndex, tag), g);
        }
        g.writeEndObject();
    }

    private void writeAttribute(Dataset ds, int i, AttributePath path, JsonGenerator g) throws IOException {
        VR vr = ds.vrAt(i);
        g.writeStartObject();
        g.writeStringField(JsonModel.VR, vr.name());
        switch (ds.valueAt(i)) {
            case Sequence sq -> writeItems(sq, path, g);
            case Fragments f -> writeBinary(path, vr, EncapsulatedValueField.length(f),
                    () -> EncapsulatedValueField.open(f), g);
            case Object value when JsonModel.takesInlineBinary(vr) -> writeBinary(ds, path, vr, value, g);
            default -> writeValues(ds, i, vr, g);
        }
        g.writeEndObject();
    }

    private void writeItems(Sequence sq, AttributePath path, JsonGenerator g) throws IOException {
        if (sq.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(JsonModel.VALUE);
        for (int k = 0; k < sq.size(); k++) {
            writeDataset(sq.get(k), path, k, g);
        }
        g.writeEndArray();
    }

    // ---- binary values --------------------------------------------------------------------------------------

    private void writeBinary(Dataset ds, AttributePath path, VR vr, Object value, JsonGenerator g)
            throws IOException {
        boolean swap = ds.isBigEndian() && vr.bytesPerValue() > 1;
        if (value instanceof BulkData bd && !swap) {
            writeBinary(path, vr, bd.length(), bd::openStream, g);
            return;
        }
        byte[] bytes = bytesOf(value);
        if (bytes.length == 0) {
            return;
        }
        String uri = bulkDataUriPolicy.uriFor(path, vr, bytes.length);
        if (uri != null) {
            g.writeStringField(JsonModel.BULK_DATA_URI, uri);
            return;
        }
        if (swap) {
            bytes = bytes.clone();
            BinaryValues.swapInPlace(vr, bytes, bytes.length);
        }
        g.writeFieldName(JsonModel.INLINE_BINARY);
        g.writeBinary(BASE64, bytes, 0, bytes.length);
    }

    /** A value whose bytes come from a stream, opened only if the policy inlines it. */
    private void writeBinary(AttributePath path, VR vr, long length, StreamSource source, JsonGenerator g)
            throws IOException {
        if (length == 0) {
            return;
        }
        String uri = bulkDataUriPolicy.uriFor(path, vr, length);
        if (uri != null) {
            g.writeStringField(JsonModel.BULK_DATA_URI, uri);
            return;
        }
        g.writeFieldName(JsonModel.INLINE_BINARY);
        try (InputStream in = source.open()) {
            int written = g.writeBinary(BASE64, in, READ_TO_END);
            if (written != length) {
                throw new IOException("value of " + path + " should be " + length + " bytes, its source gave "
                        + written);
            }
        }
    }

    @FunctionalInterface
    private interface StreamSource {
        InputStream open() throws IOException;
    }

    /** The bytes of a simple value as held: raw, read from its source, or text as DicomWriter would encode it. */
    private static byte[] bytesOf(Object value) throws IOException {
        return switch (value) {
            case byte[] b -> b;
            case BulkData bd -> bd.readAll();
            case String s -> s.getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalStateException("not a simple value: " + value.getClass().getName());
        };
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private static void writeValues(Dataset ds, int i, VR vr, JsonGenerator g) throws IOException {
        int tag = ds.tagAt(i);
        switch (vr.kind()) {
            case PERSON_NAME -> writePersonNames(ds.getStrings(tag), g);
            case DECIMAL_STRING, INTEGER_STRING -> writeNumberStrings(ds.getStrings(tag), g);
            case STRING, TEXT -> writeStrings(ds.getStrings(tag), g);
            case TAG, INTEGER, FLOAT -> writeBinaryNumbers(bytesOf(ds.valueAt(i)), vr, ds.isBigEndian(), g);
            case BYTES, SEQUENCE -> {
                // an SQ element held without items: empty, so no Value
            }
        }
    }

    private static void writeStrings(String[] values, JsonGenerator g) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(JsonModel.VALUE);
        for (String v : values) {
            if (v.isEmpty()) {
                g.writeNull();
            } else {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    private static void writeNumberStrings(String[] values, JsonGenerator g) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(JsonModel.VALUE);
        for (String v : values) {
            String number = v.isEmpty() ? null : JsonNumbers.toJsonNumber(v);
            if (v.isEmpty()) {
                g.writeNull();
            } else if (number != null) {
                g.writeNumber(number);
            } else {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    private static void writePersonNames(String[] values, JsonGenerator g) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(JsonModel.VALUE);
        for (String v : values) {
            String[] groups = PersonName.splitGroups(v);
            boolean empty = true;
            for (String group : groups) {
                empty &= group.isEmpty();
            }
            if (empty) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            for (int k = 0; k < groups.length; k++) {
                if (!groups[k].isEmpty()) {
                    g.writeStringField(JsonModel.PERSON_NAME_GROUPS[k], groups[k]);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeBinaryNumbers(byte[] b, VR vr, boolean bigEndian, JsonGenerator g) throws IOException {
        int count = BinaryValues.count(vr, b.length);
        if (count == 0) {
            return;
        }
        g.writeArrayFieldStart(JsonModel.VALUE);
        for (int k = 0; k < count; k++) {
            switch (vr.kind()) {
                case TAG -> g.writeString(Tags.toHex(BinaryValues.tagAt(b, k, bigEndian)));
                case FLOAT -> writeFloat(BinaryValues.floatAt(vr, b, k, bigEndian), vr, g);
                default -> writeInteger(BinaryValues.integerAt(vr, b, k, bigEndian), vr, g);
            }
        }
        g.writeEndArray();
    }

    private static void writeInteger(long v, VR vr, JsonGenerator g) throws IOException {
        boolean unsigned64 = vr == VR.UV;
        boolean exact = unsigned64 ? Long.compareUnsigned(v, JsonNumbers.MAX_EXACT_JSON_INTEGER) <= 0
                : v >= -JsonNumbers.MAX_EXACT_JSON_INTEGER && v <= JsonNumbers.MAX_EXACT_JSON_INTEGER;
        if (exact) {
            g.writeNumber(v);
        } else {
            g.writeString(unsigned64 ? Long.toUnsignedString(v) : Long.toString(v));
        }
    }

    private static void writeFloat(double v, VR vr, JsonGenerator g) throws IOException {
        if (Double.isNaN(v)) {
            g.writeString(JsonModel.NOT_A_NUMBER);
        } else if (Double.isInfinite(v)) {
            g.writeString(v > 0 ? JsonModel.POSITIVE_INFINITY : JsonModel.NEGATIVE_INFINITY);
        } else if (vr.bytesPerValue() == Float.BYTES) {
            g.writeNumber((float) v); // shortest text that reads back as the same float
        } else {
            g.writeNumber(v);
        }
    }
}
