package org.hrnode.dicom.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.json.AttributePath;
import org.hrnode.dicom.json.BulkDataUriPolicy;
import org.hrnode.dicom.json.EncapsulatedValueField;

/**
 * Writes a dataset in the Native DICOM Model (PS3.19 Annex A), the XML that WADO-RS metadata returns as
 * {@code application/dicom+xml} (PS3.18 §8.7.3), streaming through the JDK's {@link XMLStreamWriter}: values go
 * straight from the dataset to the output, no DOM is built.
 *
 * <p>Representation:
 * <ul>
 *   <li>{@code DicomAttribute} per element in tag order with {@code tag}, {@code vr}, the dictionary
 *       {@code keyword} where there is one, and {@code privateCreator} for private data elements (whose {@code tag}
 *       then has the block number cleared, {@code gggg00ee}); group lengths are left out.</li>
 *   <li>Values as {@code Value number="n"} (1-based); an empty value among several is an empty {@code Value}
 *       element, keeping the numbering (as DCMTK's {@code dcm2xml -nat} does). Text is the decoded value with
 *       its padding trimmed; IS and DS keep their own digits; AT is 8 hexadecimal digits; FL and FD are
 *       {@code xs:double} spellings ({@code INF}, {@code -INF}, {@code NaN}).</li>
 *   <li>PN values as {@code PersonName} with {@code Alphabetic}, {@code Ideographic} and {@code Phonetic} groups
 *       of {@code FamilyName}, {@code GivenName}, {@code MiddleName}, {@code NamePrefix}, {@code NameSuffix}; empty
 *       groups and components are left out.</li>
 *   <li>Binary values (OB, OD, OF, OL, OV, OW, UN, encapsulated Pixel Data) as {@code BulkData URI="..."} when
 *       the {@link BulkDataUriPolicy} gives a URI, else {@code InlineBinary} (base64 of the little-endian value,
 *       for encapsulated Pixel Data the Value Field with its items, as DICOM JSON does). A value held as a
 *       {@link BulkData} reference to anything but a {@code file:} URI cannot be read here: it is passed on as
 *       {@code BulkData URI}, which is what WADO-RS metadata, whose bulk data lives behind its own URIs, wants.</li>
 *   <li>Sequences as {@code Item number="n"} elements holding the item's attributes.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Output streams passed in are flushed, not closed.
 */
public final class DicomXmlWriter {

    /** The namespace PS3.19 gives the Native DICOM Model. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String[] GROUP_ELEMENTS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENT_ELEMENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix",
            "NameSuffix"};
    /** Bytes base64-encoded per step: a multiple of 3, so the chunks' encodings concatenate without padding. */
    private static final int BASE64_CHUNK = 3 * 16 * 1024;
    /** Clears the private block number out of a private data element's tag. */
    private static final int PRIVATE_BLOCK_MASK = 0xFFFF00FF;

    private final BulkDataUriPolicy bulkDataUriPolicy;

    /** Every binary value inline. */
    public DicomXmlWriter() {
        this(BulkDataUriPolicy.inlineAll());
    }

    public DicomXmlWriter(BulkDataUriPolicy bulkDataUriPolicy) {
        this.bulkDataUriPolicy = Objects.requireNonNull(bulkDataUriPolicy, "bulkDataUriPolicy");
    }

    /** Writes {@code dataset} as one UTF-8 XML document. */
    public void write(Dataset dataset, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("NativeDicomModel");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
            writeAttributes(dataset, null, 0, xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("writing the Native DICOM Model failed: " + e.getMessage(), e);
        }
    }

    private void writeAttributes(Dataset ds, AttributePath sequence, int itemIndex, XMLStreamWriter xml)
            throws XMLStreamException, IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            AttributePath path = sequence == null ? AttributePath.of(tag) : sequence.nested(itemIndex, tag);
            VR vr = ds.vrAt(i);
            String creator = Tags.isPrivateData(tag) ? ds.privateCreatorOf(tag) : null;
            xml.writeStartElement("DicomAttribute");
            // a private element is named by its creator and its element within the block, not by the block the
            // encoding happened to reserve (gggg,xxee becomes gggg00ee), as DCMTK and dcm4che write it too
            xml.writeAttribute("tag", Tags.toHex(creator == null ? tag : tag & PRIVATE_BLOCK_MASK));
            xml.writeAttribute("vr", vr.name());
            String keyword = Tags.isPrivate(tag) ? null : ElementDictionary.keywordOf(tag);
            if (keyword != null && !keyword.isEmpty()) {
                xml.writeAttribute("keyword", keyword);
            }
            if (creator != null) {
                xml.writeAttribute("privateCreator", creator);
            }
            switch (ds.valueAt(i)) {
                case Sequence sq -> writeItems(sq, path, xml);
                case Fragments f -> writeBinary(path, vr, EncapsulatedValueField.length(f),
                        () -> EncapsulatedValueField.open(f), xml);
                case BulkData bd when !"file".equals(bd.uri().getScheme()) -> writeBulkDataUri(bd.uri().toString(),
                        xml);
                case Object value when isBinary(vr) -> writeBinary(ds, path, vr, value, xml);
                default -> writeValues(ds, i, vr, xml);
            }
            xml.writeEndElement();
        }
    }

    private void writeItems(Sequence sq, AttributePath path, XMLStreamWriter xml)
            throws XMLStreamException, IOException {
        for (int k = 0; k < sq.size(); k++) {
            xml.writeStartElement("Item");
            xml.writeAttribute("number", Integer.toString(k + 1));
            writeAttributes(sq.get(k), path, k, xml);
            xml.writeEndElement();
        }
    }

    // ---- binary values --------------------------------------------------------------------------------------

    private static boolean isBinary(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    private void writeBinary(Dataset ds, AttributePath path, VR vr, Object value, XMLStreamWriter xml)
            throws XMLStreamException, IOException {
        boolean swap = ds.isBigEndian() && vr.bytesPerValue() > 1;
        if (value instanceof BulkData bd && !swap) {
            writeBinary(path, vr, bd.length(), bd::openStream, xml);
            return;
        }
        byte[] bytes = switch (value) {
            case byte[] b -> b;
            case BulkData bd -> bd.readAll();
            case String s -> s.getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalStateException("not a binary value: " + value.getClass().getName());
        };
        if (swap) {
            bytes = bytes.clone();
            BinaryValues.swapInPlace(vr, bytes, bytes.length);
        }
        byte[] little = bytes;
        writeBinary(path, vr, little.length, () -> new java.io.ByteArrayInputStream(little), xml);
    }

    /** A value whose bytes come from a stream, opened only if the policy inlines it. */
    private void writeBinary(AttributePath path, VR vr, long length, StreamSource source, XMLStreamWriter xml)
            throws XMLStreamException, IOException {
        if (length == 0) {
            return;
        }
        String uri = bulkDataUriPolicy.uriFor(path, vr, length);
        if (uri != null) {
            writeBulkDataUri(uri, xml);
            return;
        }
        xml.writeStartElement("InlineBinary");
        long written = 0;
        try (InputStream in = source.open()) {
            byte[] chunk = new byte[BASE64_CHUNK];
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                byte[] part = n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n);
                xml.writeCharacters(Base64.getEncoder().encodeToString(part));
                written += n;
            }
        }
        if (written != length) {
            throw new IOException("value of " + path + " should be " + length + " bytes, its source gave " + written);
        }
        xml.writeEndElement();
    }

    private static void writeBulkDataUri(String uri, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEmptyElement("BulkData");
        xml.writeAttribute("URI", uri);
    }

    @FunctionalInterface
    private interface StreamSource {
        InputStream open() throws IOException;
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private static void writeValues(Dataset ds, int i, VR vr, XMLStreamWriter xml) throws XMLStreamException {
        int tag = ds.tagAt(i);
        switch (vr.kind()) {
            case PERSON_NAME -> writePersonNames(ds.getStrings(tag), xml);
            case STRING, TEXT, DECIMAL_STRING, INTEGER_STRING -> writeStrings(ds.getStrings(tag), xml);
            case TAG, INTEGER, FLOAT -> writeBinaryNumbers(ds.valueAt(i) instanceof byte[] b ? b : null, vr,
                    ds.isBigEndian(), xml);
            case BYTES, SEQUENCE -> {
                // an SQ element held without items: empty, so no Value
            }
        }
    }

    private static void writeStrings(String[] values, XMLStreamWriter xml) throws XMLStreamException {
        for (int k = 0; k < values.length; k++) {
            writeValue(k, values[k], xml);
        }
    }

    private static void writeValue(int index, String text, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Value");
        xml.writeAttribute("number", Integer.toString(index + 1));
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * The text with characters XML 1.0 cannot carry at all (C0 controls other than tab, line feed and carriage
     * return; unpaired surrogates) replaced by U+FFFD: one such byte in a value must not make the whole document
     * unreadable. Decoded DICOM text does not normally hold them.
     */
    static String xmlText(String text) {
        StringBuilder clean = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean allowed = c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r'
                    || c >= 0xE000 && c <= 0xFFFD
                    || Character.isHighSurrogate(c) && k + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(k + 1))
                    || Character.isLowSurrogate(c) && k > 0 && Character.isHighSurrogate(text.charAt(k - 1));
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.substring(0, k));
            }
            if (clean != null) {
                clean.append(allowed ? c : '\uFFFD');
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static void writePersonNames(String[] values, XMLStreamWriter xml) throws XMLStreamException {
        if (values.length == 1 && PersonName.parse(values[0]).isEmpty()) {
            return; // a name of empty components only ("^^^^") is no name
        }
        for (int k = 0; k < values.length; k++) {
            xml.writeStartElement("PersonName");
            xml.writeAttribute("number", Integer.toString(k + 1));
            PersonName name = PersonName.parse(values[k]);
            PersonName.Group[] groups = PersonName.Group.values();
            for (int g = 0; g < groups.length; g++) {
                if (name.group(groups[g]).isEmpty()) {
                    continue;
                }
                xml.writeStartElement(GROUP_ELEMENTS[g]);
                PersonName.Component[] components = PersonName.Component.values();
                for (int c = 0; c < components.length; c++) {
                    String component = name.component(groups[g], components[c]);
                    if (component != null && !component.isEmpty()) {
                        xml.writeStartElement(COMPONENT_ELEMENTS[c]);
                        xml.writeCharacters(xmlText(component));
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
    }

    private static void writeBinaryNumbers(byte[] b, VR vr, boolean bigEndian, XMLStreamWriter xml)
            throws XMLStreamException {
        if (b == null) {
            return;
        }
        int count = BinaryValues.count(vr, b.length);
        for (int k = 0; k < count; k++) {
            String text = switch (vr.kind()) {
                case TAG -> Tags.toHex(BinaryValues.tagAt(b, k, bigEndian));
                case FLOAT -> xsDouble(BinaryValues.floatAt(vr, b, k, bigEndian), vr);
                default -> vr == VR.UV ? Long.toUnsignedString(BinaryValues.integerAt(vr, b, k, bigEndian))
                        : Long.toString(BinaryValues.integerAt(vr, b, k, bigEndian));
            };
            writeValue(k, text, xml);
        }
    }

    /** The value as {@code xs:double} spells it; a float with the shortest digits that read back as the float. */
    private static String xsDouble(double v, VR vr) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INF" : "-INF";
        }
        return vr.bytesPerValue() == Float.BYTES ? Float.toString((float) v) : Double.toString(v);
    }
}
