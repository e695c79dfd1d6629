package org.hrnode.dicom.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * One pass of a {@link DicomJsonReader} over one document: datasets, attributes, sequences, inline and bulk
 * data. It knows where it is, so every problem becomes a {@link DicomJsonException} naming the position and the
 * attribute; Jackson's own exceptions (malformed JSON, exceeded constraints) are translated the same way.
 */
final class DocumentParser {

    /** Standard base64; padding tolerated where a sender left it out. */
    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed();
    private static final int ITEM_AND_DELIMITER_GROUP = 0xFFFE;
    private static final long UNKNOWN = -1;

    private final JsonFactory factory;
    private final JsonReadOptions options;
    private final BulkDataResolver resolver;
    private JsonParser parser;
    /** While a value that preceded its "vr" is replayed: where it stood in the document, for error messages. */
    private JsonLocation replayOrigin;
    /** The attribute being read, for error messages. */
    private AttributePath current;

    DocumentParser(JsonParser parser, JsonFactory factory, JsonReadOptions options, BulkDataResolver resolver) {
        this.parser = parser;
        this.factory = factory;
        this.options = options;
        this.resolver = resolver;
    }

    // ---- documents ------------------------------------------------------------------------------------------

    Dataset readSingleDataset() throws IOException, DicomJsonException {
        return guarded(() -> {
            expectStart(parser.nextToken(), JsonToken.START_OBJECT, "a JSON object holding a dataset");
            Dataset dataset = readTopLevelDataset();
            expectEnd();
            return dataset;
        });
    }

    List<Dataset> readDatasetArray() throws IOException, DicomJsonException {
        return guarded(() -> {
            expectStart(parser.nextToken(), JsonToken.START_ARRAY, "a JSON array of datasets");
            List<Dataset> datasets = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                expectStart(t, JsonToken.START_OBJECT, "a JSON object holding a dataset");
                datasets.add(readTopLevelDataset());
            }
            expectEnd();
            return datasets;
        });
    }

    Dataset readEmbeddedDataset() throws IOException, DicomJsonException {
        return guarded(() -> {
            JsonToken t = parser.currentToken();
            expectStart(t == null ? parser.nextToken() : t, JsonToken.START_OBJECT, "a JSON object holding a dataset");
            return readTopLevelDataset();
        });
    }

    @FunctionalInterface
    private interface Reading<T> {
        T run() throws IOException, DicomJsonException;
    }

    /** Runs a reading step, turning Jackson's complaints about the document into ours. */
    private <T> T guarded(Reading<T> reading) throws IOException, DicomJsonException {
        try {
            return reading.run();
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (CharConversionException e) {
            // Bytes that are no UTF-8, UTF-16 or UTF-32 text: Jackson's decoders say so with a plain IOException.
            throw error("the document is not valid Unicode text: " + e.getMessage());
        }
    }

    private void expectStart(JsonToken t, JsonToken expected, String what) throws DicomJsonException {
        if (t != expected) {
            throw error("expected " + what + ", found " + ValueArrays.describe(t));
        }
    }

    private void expectEnd() throws IOException, DicomJsonException {
        JsonToken t = parser.nextToken();
        if (t != null) {
            throw error("unexpected " + ValueArrays.describe(t) + " after the end of the document");
        }
    }

    private Dataset readTopLevelDataset() throws IOException, DicomJsonException {
        current = null;
        Dataset dataset = new Dataset();
        readDataset(dataset, null, 0, 0);
        current = null;
        return dataset;
    }

    // ---- datasets and attributes ----------------------------------------------------------------------------

    /** Reads from the dataset's START_OBJECT to its END_OBJECT. */
    private void readDataset(Dataset ds, AttributePath sequence, int itemIndex, int depth)
            throws IOException, DicomJsonException {
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = parser.currentName();
            long parsed = ValueArrays.parseTag(key);
            if (parsed < 0) {
                throw error("\"" + JsonNumbers.abbreviate(key) + "\" is not a tag; a dataset's members are named by"
                        + " 8 hexadecimal digits");
            }
            int tag = (int) parsed;
            current = sequence == null ? AttributePath.of(tag) : sequence.nested(itemIndex, tag);
            if (Tags.group(tag) == ITEM_AND_DELIMITER_GROUP) {
                throw error("item and delimiter tags are not attributes");
            }
            if (ds.contains(tag)) {
                throw error("the attribute appears twice in one dataset");
            }
            parser.nextToken();
            readAttribute(ds, tag, current, depth);
        }
    }

    private void readAttribute(Dataset ds, int tag, AttributePath path, int depth)
            throws IOException, DicomJsonException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error("an attribute must be an object with \"vr\", found "
                    + ValueArrays.describe(parser.currentToken()));
        }
        VR vr = null;
        String valueKey = null;
        byte[] deferred = null;
        JsonLocation deferredAt = null;
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            switch (key) {
                case JsonModel.VR -> vr = readVR(valueToken);
                case JsonModel.VALUE, JsonModel.INLINE_BINARY, JsonModel.BULK_DATA_URI -> {
                    if (valueKey != null) {
                        throw error("an attribute holds one of Value, InlineBinary and BulkDataURI; found "
                                + valueKey + " and " + key);
                    }
                    valueKey = key;
                    if (vr == null) {
                        deferredAt = parser.currentTokenLocation();
                        deferred = copyValue();
                    } else {
                        readValue(ds, tag, vr, key, path, depth);
                    }
                }
                default -> throw error("unknown member \"" + JsonNumbers.abbreviate(key) + "\"; PS3.18 F.2.2"
                        + " defines vr, Value, InlineBinary and BulkDataURI");
            }
        }
        if (vr == null) {
            throw error("the attribute has no \"vr\"");
        }
        if (deferred != null) {
            replay(deferred, deferredAt, ds, tag, vr, valueKey, path, depth);
        } else if (valueKey == null) {
            if (vr == VR.SQ) {
                ds.newSequence(tag);
            } else {
                ds.set(tag, vr, null);
            }
        }
    }

    private VR readVR(JsonToken t) throws IOException, DicomJsonException {
        if (t != JsonToken.VALUE_STRING) {
            throw error("\"vr\" must be a string, found " + ValueArrays.describe(t));
        }
        VR vr = VR.ofName(parser.getText());
        if (vr == null) {
            throw error("\"" + JsonNumbers.abbreviate(parser.getText()) + "\" is not a VR");
        }
        return vr;
    }

    private void readValue(Dataset ds, int tag, VR vr, String key, AttributePath path, int depth)
            throws IOException, DicomJsonException {
        switch (key) {
            case JsonModel.VALUE -> {
                if (JsonModel.takesInlineBinary(vr)) {
                    throw error(vr + " values travel as InlineBinary or BulkDataURI, not as Value");
                }
                if (vr == VR.SQ) {
                    readItems(ds.newSequence(tag), path, depth);
                } else {
                    ds.set(tag, vr, ValueArrays.read(parser, vr, options.maxValueLength(), this::error));
                }
            }
            case JsonModel.INLINE_BINARY -> {
                if (!JsonModel.takesInlineBinary(vr)) {
                    throw error("InlineBinary is for OB, OD, OF, OL, OV, OW and UN values, not " + vr);
                }
                ds.set(tag, vr, readInlineBinary(tag, vr));
            }
            default -> {
                if (!JsonModel.allowsBulkDataUri(vr)) {
                    throw error("PS3.18 F.2.2 allows no BulkDataURI for " + vr + " values");
                }
                ds.set(tag, vr, resolveBulkData(path, vr));
            }
        }
    }

    private void readItems(Sequence sq, AttributePath path, int depth) throws IOException, DicomJsonException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error("\"Value\" must be an array, found " + ValueArrays.describe(parser.currentToken()));
        }
        int index = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw error("a sequence item must be an object, found " + ValueArrays.describe(t));
            }
            if (depth + 1 > options.maxNestingDepth()) {
                throw error("sequences nested deeper than " + options.maxNestingDepth());
            }
            readDataset(sq.addNewItem(), path, index++, depth + 1);
            current = path;
        }
    }

    // ---- values that precede their VR -----------------------------------------------------------------------

    /** Copies the current value (scalar, array or object) aside, numbers with their text as written. */
    private byte[] copyValue() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            int depth = 0;
            do {
                JsonToken t = parser.currentToken();
                switch (t) {
                    case START_OBJECT -> {
                        g.writeStartObject();
                        depth++;
                    }
                    case START_ARRAY -> {
                        g.writeStartArray();
                        depth++;
                    }
                    case END_OBJECT -> {
                        g.writeEndObject();
                        depth--;
                    }
                    case END_ARRAY -> {
                        g.writeEndArray();
                        depth--;
                    }
                    case FIELD_NAME -> g.writeFieldName(parser.currentName());
                    case VALUE_STRING -> g.writeString(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextLength());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new IllegalStateException("unexpected token " + t + " from a JSON parser");
                }
            } while (depth > 0 && parser.nextToken() != null);
        }
        return buffer.toByteArray();
    }

    private void replay(byte[] value, JsonLocation origin, Dataset ds, int tag, VR vr, String key, AttributePath path,
            int depth) throws IOException, DicomJsonException {
        JsonParser outer = parser;
        JsonLocation outerOrigin = replayOrigin;
        try (JsonParser replayed = factory.createParser(value)) {
            parser = replayed;
            replayOrigin = outerOrigin != null ? outerOrigin : origin;
            parser.nextToken();
            readValue(ds, tag, vr, key, path, depth);
        } catch (JsonProcessingException e) {
            throw translate(e);
        } finally {
            parser = outer;
            replayOrigin = outerOrigin;
        }
    }

    // ---- binary values --------------------------------------------------------------------------------------

    private Object readInlineBinary(int tag, VR vr) throws IOException, DicomJsonException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw error("InlineBinary must be a base64 string, found " + ValueArrays.describe(parser.currentToken()));
        }
        BoundedByteArrayOutputStream bytes = new BoundedByteArrayOutputStream(options.maxValueLength());
        try {
            parser.readBinaryValue(BASE64, bytes);
        } catch (BoundedByteArrayOutputStream.LimitExceeded e) {
            throw error("InlineBinary value longer than " + options.maxValueLength() + " bytes");
        } catch (IllegalArgumentException e) {
            // Jackson reports some base64 defects (an illegal character) this way rather than as a parse exception.
            throw error("InlineBinary is not valid base64: " + e.getMessage());
        }
        byte[] value = bytes.toByteArray();
        if (tag == Tag.PixelData && (vr == VR.OB || vr == VR.OW) && EncapsulatedValueField.looksEncapsulated(value)) {
            Fragments fragments = EncapsulatedValueField.parse(value);
            if (fragments != null) {
                return fragments;
            }
        }
        return value;
    }

    private Object resolveBulkData(AttributePath path, VR vr) throws IOException, DicomJsonException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw error("BulkDataURI must be a string, found " + ValueArrays.describe(parser.currentToken()));
        }
        String uri = parser.getText();
        if (resolver == null) {
            throw error("BulkDataURI " + JsonNumbers.abbreviate(uri) + " cannot be resolved: this reader has no"
                    + " BulkDataResolver (DicomJsonReader.withBulkDataResolver)");
        }
        Object value;
        try {
            value = resolver.resolve(path, vr, uri);
        } catch (JsonProcessingException e) {
            // The resolver's own JSON trouble is no defect of this document: keep it apart from ours.
            throw new IOException("BulkDataResolver failed on " + uri + ": " + e.getMessage(), e);
        }
        return switch (value) {
            case byte[] b -> b;
            case BulkData bd -> bd;
            case Fragments f -> f;
            case null -> throw new IllegalStateException("BulkDataResolver returned null for " + uri);
            default -> throw new IllegalStateException("BulkDataResolver returned a " + value.getClass().getName()
                    + " for " + uri + "; expected byte[], BulkData or Fragments");
        };
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    private DicomJsonException error(String problem) {
        JsonLocation at = replayOrigin != null ? replayOrigin : parser.currentTokenLocation();
        return new DicomJsonException(problem, line(at), column(at), current, null);
    }

    private DicomJsonException translate(JsonProcessingException e) {
        JsonLocation at = replayOrigin != null ? replayOrigin
                : e.getLocation() != null ? e.getLocation() : parser.currentLocation(); // constraints carry none
        return new DicomJsonException("not valid JSON or beyond the reader's limits: " + e.getOriginalMessage(),
                line(at), column(at), current, e);
    }

    private static long line(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? UNKNOWN : at.getLineNr();
    }

    private static long column(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? UNKNOWN : at.getColumnNr();
    }
}
