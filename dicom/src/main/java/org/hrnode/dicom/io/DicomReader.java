package org.hrnode.dicom.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.PrivateDictionary;
import org.hrnode.dicom.dict.Tag;

/**
 * Reads DICOM Part 10 files and bare datasets: Implicit and Explicit VR Little Endian, Explicit VR Big Endian and
 * Deflated Explicit VR Little Endian, with or without preamble and File Meta Information, defined and undefined
 * lengths, encapsulated pixel data.
 *
 * <p>Hostile input is the normal case for an archive: every length is checked against what can remain, values are
 * read into memory in steps so a corrupt length never allocates more than arrived, nesting depth is capped, and
 * every defect surfaces as a {@link DicomParseException} naming the offset. Large binary values of a file can be
 * left in place as {@link BulkData} references ({@link ReadOptions#bulkDataSource()}), and
 * {@link #readDataset(int)} can stop before a tag (typically Pixel Data) leaving the stream positioned there.
 */
public final class DicomReader {

    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int PREAMBLE_LENGTH = 128;
    private static final int UNDEFINED_LENGTH = -1;
    private static final int FILE_META_GROUP = 0x0002;
    /** Stop condition meaning "at the first element outside group 0002" (numbers may be lower, e.g. 0001). */
    private static final int STOP_AFTER_FILE_META = -2;
    private static final int NO_STOP = -1;
    private static final int EXPLICIT_HEADER_PEEK = 6;
    private static final int FILE_BUFFER = 64 * 1024;
    /** Longest value of a VR with the 8-byte explicit header, whose length field has 16 bits. */
    private static final long MAX_SHORT_VALUE_LENGTH = 0xFFFF;

    private enum Scope { TOP_LEVEL, DEFINED_LENGTH, UNDEFINED_LENGTH_ITEM }

    private DicomInput input;
    private final ReadOptions options;
    private final long streamLength;
    private boolean implicitVR;
    private boolean deflated;
    private TransferSyntax transferSyntax;
    private int stopBeforeTag;
    private boolean stopped;
    /** Bytes of values read into memory so far, against {@link ReadOptions#maxInMemoryTotal()}. */
    private long inMemoryTotal;

    /**
     * @param in the bytes, from their start
     * @param streamLength total length when known (a file), else -1; lengths are then checked against it up front
     */
    public DicomReader(InputStream in, long streamLength, ReadOptions options) {
        this.input = new DicomInput(in, 0);
        this.streamLength = streamLength;
        this.options = options;
    }

    public DicomReader(InputStream in, ReadOptions options) {
        this(in, -1, options);
    }

    /** Reads a whole file, leaving large binary values in the file as references. */
    public static DicomFile readFile(Path file) throws IOException, DicomParseException {
        return readFile(file, ReadOptions.defaults().withBulkDataSource(file.toUri()));
    }

    public static DicomFile readFile(Path file, ReadOptions options) throws IOException, DicomParseException {
        try (InputStream in = Files.newInputStream(file)) {
            return new DicomReader(in, Files.size(file), options).read();
        }
    }

    /** Reads everything from a stream into memory (no references: a stream cannot be revisited). */
    public static DicomFile read(InputStream in) throws IOException, DicomParseException {
        return new DicomReader(new BufferedInputStream(in, FILE_BUFFER), ReadOptions.defaults()).read();
    }

    /** Preamble, File Meta Information and the whole dataset. */
    public DicomFile read() throws IOException, DicomParseException {
        Part10Header header = readPart10Header();
        Dataset dataset = readDataset(NO_STOP);
        return new DicomFile(header.fileMetaInformation(), dataset, header.transferSyntax(), header.hasPreamble());
    }

    /** What precedes the dataset of a Part 10 file. */
    public record Part10Header(Dataset fileMetaInformation, TransferSyntax transferSyntax, boolean hasPreamble) {
    }

    /**
     * Reads the preamble (if any) and File Meta Information (if any) and prepares to read the dataset in its
     * transfer syntax; without meta, the syntax is detected from the first element as pydicom and DCMTK do.
     */
    public Part10Header readPart10Header() throws IOException, DicomParseException {
        boolean preamble = hasPreamble();
        if (preamble) {
            input.skipBytes(PREAMBLE_LENGTH + DICM.length, "preamble");
        }
        Dataset meta = new Dataset();
        if (input.fill(2) >= 2 && input.peekU16(0) == FILE_META_GROUP) {
            implicitVR = !looksExplicit();
            readElements(meta, Scope.TOP_LEVEL, -1, 0, STOP_AFTER_FILE_META);
        }
        String tsUid = meta.getString(Tag.TransferSyntaxUID);
        TransferSyntax ts = tsUid != null ? TransferSyntax.orDefault(tsUid) : detectTransferSyntax();
        startDataset(ts);
        return new Part10Header(meta, ts, preamble);
    }

    /** Prepares to read a bare dataset (no preamble or meta) in a known transfer syntax, as DIMSE delivers it. */
    public void startDataset(TransferSyntax ts) throws IOException, DicomParseException {
        transferSyntax = ts;
        input.bigEndian(ts.isBigEndian());
        implicitVR = ts.isImplicitVR();
        if (ts.isDeflated()) {
            deflated = true;
            long start = input.position();
            input = new DicomInput(new InflaterInputStream(input.remainder(), new Inflater(true), FILE_BUFFER), start);
            input.bigEndian(false);
        } else if (input.fill(EXPLICIT_HEADER_PEEK) >= EXPLICIT_HEADER_PEEK && looksExplicit() == implicitVR) {
            // The meta said one thing and the bytes say another: real files do this; follow the bytes, as pydicom.
            implicitVR = !implicitVR;
        }
    }

    /**
     * Reads dataset elements until the end of the input, or until the first top-level element whose tag is at or
     * after {@code stopBeforeTag} (unsigned order; -1 for none, which is also what (FFFF,FFFF) would mean). After stopping, {@link #stoppedBeforeTag()} is true
     * and the input is positioned at that element's header.
     */
    public Dataset readDataset(int stopBeforeTag) throws IOException, DicomParseException {
        if (transferSyntax == null) {
            throw new IllegalStateException("call readPart10Header() or startDataset() first");
        }
        Dataset dataset = new Dataset(input.bigEndian());
        dataset.setCharsetPolicy(options.charsetPolicy());
        stopped = false;
        try {
            readElements(dataset, Scope.TOP_LEVEL, -1, 0, stopBeforeTag);
        } catch (ZipException | EOFException corrupt) {
            if (!deflated) {
                throw corrupt;
            }
            // The inflater reports corrupt or truncated deflated data as IOExceptions; they are bad input, not I/O.
            throw new DicomParseException("deflated dataset is corrupt or truncated: " + corrupt.getMessage(),
                    input.position(), corrupt);
        }
        return dataset;
    }

    /** Whether the last {@link #readDataset(int)} stopped before its tag rather than at the end of the input. */
    public boolean stoppedBeforeTag() {
        return stopped;
    }

    /** Current position in the (inflated, for deflated syntaxes) input. */
    public long position() {
        return input.position();
    }

    private boolean hasPreamble() throws IOException {
        int n = input.fill(PREAMBLE_LENGTH + DICM.length);
        if (n < PREAMBLE_LENGTH + DICM.length) {
            return false;
        }
        for (int i = 0; i < DICM.length; i++) {
            if (input.peekByte(PREAMBLE_LENGTH + i) != DICM[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the element header at the current position carries a VR (bytes 4–5 are a known VR code). */
    private boolean looksExplicit() throws IOException {
        if (input.fill(EXPLICIT_HEADER_PEEK) < EXPLICIT_HEADER_PEEK) {
            return !implicitVR;
        }
        return VR.ofCode((input.peekByte(4) << 8) | input.peekByte(5)) != null;
    }

    /** For a dataset without meta: explicit or implicit from the first header, byte order from its group. */
    private TransferSyntax detectTransferSyntax() throws IOException {
        if (input.fill(EXPLICIT_HEADER_PEEK) < EXPLICIT_HEADER_PEEK) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean explicit = VR.ofCode((input.peekByte(4) << 8) | input.peekByte(5)) != null;
        int groupLE = input.peekByte(0) | (input.peekByte(1) << 8);
        int groupBE = (input.peekByte(0) << 8) | input.peekByte(1);
        boolean bigEndian = explicit && groupLE > 0x00FF && groupBE <= 0x00FF;
        if (bigEndian) {
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        return explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }

    // ---- elements -------------------------------------------------------------------------------------------

    private void readElements(Dataset ds, Scope scope, long end, int depth, int stopBefore)
            throws IOException, DicomParseException {
        while (true) {
            if (scope == Scope.DEFINED_LENGTH) {
                long pos = input.position();
                if (pos == end) {
                    return;
                }
                if (pos > end) {
                    throw new DicomParseException("element overruns the end of its item (item ends at " + end + ")",
                            pos);
                }
            }
            int available = input.fill(8);
            if (available == 0) {
                if (scope == Scope.TOP_LEVEL) {
                    return;
                }
                throw new DicomParseException("unexpected end of data inside an item", input.position());
            }
            if (available < 4) {
                throw new DicomParseException("unexpected end of data in an element header", input.position());
            }
            int tag = input.peekTag();
            if (scope == Scope.TOP_LEVEL && isStop(tag, stopBefore)) {
                stopped = true;
                return;
            }
            long headerStart = input.position();
            input.readTag("tag");
            if (tag == Tag.ItemDelimitationItem) {
                input.readS32("item delimiter length");
                if (scope == Scope.UNDEFINED_LENGTH_ITEM) {
                    return;
                }
                continue; // a stray delimiter outside an undefined-length item carries nothing; DCMTK skips it too
            }
            if (tag == Tag.Item || tag == Tag.SequenceDelimitationItem) {
                throw new DicomParseException("unexpected " + Tags.toString(tag) + " among dataset elements",
                        headerStart);
            }
            readElement(ds, tag, headerStart, depth);
        }
    }

    private static boolean isStop(int tag, int stopBefore) {
        return switch (stopBefore) {
            case NO_STOP -> false;
            case STOP_AFTER_FILE_META -> Tags.group(tag) != FILE_META_GROUP;
            default -> Integer.compareUnsigned(tag, stopBefore) >= 0;
        };
    }

    private void readElement(Dataset ds, int tag, long headerStart, int depth)
            throws IOException, DicomParseException {
        VR vr;
        long length;
        boolean implicitValue = implicitVR;
        if (implicitVR) {
            length = input.readS32("value length") & 0xFFFF_FFFFL;
            vr = implicitVR(ds, tag);
        } else {
            int code = input.readVRCode();
            vr = VR.ofCode(code);
            if (vr == null) {
                throw new DicomParseException("invalid VR bytes 0x" + Integer.toHexString(code) + " for "
                        + Tags.toString(tag), headerStart + 4);
            }
            if (vr.hasLongExplicitHeader()) {
                input.readU16("reserved bytes");
                length = input.readS32("value length") & 0xFFFF_FFFFL;
            } else {
                length = input.readU16("value length");
            }
            if (vr == VR.UN && length != (UNDEFINED_LENGTH & 0xFFFF_FFFFL)) {
                vr = knownVROfUnknown(ds, tag, length);
                implicitValue = vr != VR.UN;
            }
        }
        if (length == (UNDEFINED_LENGTH & 0xFFFF_FFFFL)) {
            readUndefinedLength(ds, tag, vr, headerStart, depth);
            return;
        }
        checkRemaining(length, tag);
        if (vr == VR.SQ) {
            readSequence(ds, tag, input.position() + length, depth, implicitValue);
            return;
        }
        ds.set(tag, vr, readValue(tag, vr, length));
    }

    /**
     * The VR to read an explicit UN element with. A UN value is encoded as in Implicit VR Little Endian (PS3.5
     * §6.2.2), so where the dictionary (or the private dictionary, by creator) knows the element it is read with the
     * VR an implicit reader would use, as pydicom does; otherwise converters that write standard attributes as UN
     * (gdcmconv does, for RLE files) leave even the SOP Instance UID unreadable. It stays UN where that could
     * misread: in big endian datasets (the value is little endian), when too long for the VR's 16-bit explicit
     * length, and when not a whole number of the VR's binary values.
     */
    private VR knownVROfUnknown(Dataset ds, int tag, long length) {
        if (input.bigEndian()) {
            return VR.UN;
        }
        VR known = implicitVR(ds, tag);
        boolean fitsHeader = known.hasLongExplicitHeader() || length <= MAX_SHORT_VALUE_LENGTH;
        boolean wholeValues = known.bytesPerValue() <= 1 || length % known.bytesPerValue() == 0;
        return fitsHeader && wholeValues ? known : VR.UN;
    }

    private void readUndefinedLength(Dataset ds, int tag, VR vr, long headerStart, int depth)
            throws IOException, DicomParseException {
        if (tag == Tag.PixelData || (vr == VR.OB || vr == VR.OW) && !implicitVR) {
            ds.set(tag, vr == VR.OW && implicitVR ? VR.OB : vr, readFragments(tag));
        } else if (vr == VR.SQ || vr == VR.UN || implicitVR) {
            // PS3.5 §6.2.2: UN of undefined length is a sequence encoded in Implicit VR Little Endian.
            boolean itemsImplicit = implicitVR || vr == VR.UN;
            readSequence(ds, tag, -1, depth, itemsImplicit);
        } else {
            throw new DicomParseException("undefined length is not allowed for " + vr + " element "
                    + Tags.toString(tag), headerStart);
        }
    }

    private void checkRemaining(long length, int tag) throws DicomParseException {
        if (streamLength >= 0 && !deflated && input.position() + length > streamLength) {
            throw new DicomParseException("value length " + length + " of " + Tags.toString(tag)
                    + " runs past the end of the file (" + streamLength + " bytes)", input.position());
        }
    }

    private Object readValue(int tag, VR vr, long length) throws IOException, DicomParseException {
        if (isReference(vr, tag, length)) {
            BulkData ref = new BulkData(options.bulkDataSource(), input.position(), length);
            input.skipBytes(length, Tags.toString(tag));
            return ref;
        }
        if (length > options.maxInMemoryValue()) {
            throw new DicomParseException("value of " + Tags.toString(tag) + " is " + length
                    + " bytes, above the in-memory limit of " + options.maxInMemoryValue(), input.position());
        }
        inMemoryTotal += length;
        if (inMemoryTotal > options.maxInMemoryTotal()) {
            throw new DicomParseException("values held in memory exceed the limit of " + options.maxInMemoryTotal()
                    + " bytes (a deflate bomb, or an object too large to read without references)",
                    input.position());
        }
        return input.readBytes((int) length, Tags.toString(tag));
    }

    /**
     * Only binary values become references (Pixel Data whatever its header form, others only with the 32-bit length
     * VRs): text left in the file would read back as no text at all, since the text accessors decode bytes held in
     * memory. Found by fuzzing: Pixel Data mislabelled UR read back empty from a file but not from memory.
     */
    private boolean isReference(VR vr, int tag, long length) {
        return options.bulkDataSource() != null && !deflated && length >= options.bulkDataThreshold()
                && !vr.isCharacterString() && vr != VR.SQ && (tag == Tag.PixelData || vr.hasLongExplicitHeader());
    }

    private void readSequence(Dataset ds, int tag, long end, int depth, boolean itemsImplicit)
            throws IOException, DicomParseException {
        if (depth + 1 > options.maxNestingDepth()) {
            throw new DicomParseException("sequences nested deeper than " + options.maxNestingDepth(),
                    input.position());
        }
        Sequence sq = ds.newSequence(tag);
        boolean outerImplicit = implicitVR;
        implicitVR = itemsImplicit;
        try {
            while (end < 0 || input.position() < end) {
                long itemStart = input.position();
                int itemTag = input.readTag("item tag");
                long itemLength = input.readS32("item length") & 0xFFFF_FFFFL;
                if (itemTag == Tag.SequenceDelimitationItem) {
                    return;
                }
                if (itemTag != Tag.Item) {
                    throw new DicomParseException("expected an item (FFFE,E000) in sequence " + Tags.toString(tag)
                            + ", found " + Tags.toString(itemTag), itemStart);
                }
                Dataset item = sq.addNewItem();
                if (itemLength == (UNDEFINED_LENGTH & 0xFFFF_FFFFL)) {
                    readElements(item, Scope.UNDEFINED_LENGTH_ITEM, -1, depth + 1, NO_STOP);
                } else {
                    long itemEnd = input.position() + itemLength;
                    if (end >= 0 && itemEnd > end) {
                        throw new DicomParseException("item of " + itemLength + " bytes overruns sequence "
                                + Tags.toString(tag), itemStart);
                    }
                    checkRemaining(itemLength, tag);
                    readElements(item, Scope.DEFINED_LENGTH, itemEnd, depth + 1, NO_STOP);
                }
            }
            if (input.position() > end) {
                throw new DicomParseException("items overrun sequence " + Tags.toString(tag), input.position());
            }
        } finally {
            implicitVR = outerImplicit;
        }
    }

    private Fragments readFragments(int tag) throws IOException, DicomParseException {
        Fragments fragments = new Fragments();
        while (true) {
            long itemStart = input.position();
            int itemTag = input.readTag("fragment tag");
            long length = input.readS32("fragment length") & 0xFFFF_FFFFL;
            if (itemTag == Tag.SequenceDelimitationItem) {
                return fragments;
            }
            if (itemTag != Tag.Item) {
                throw new DicomParseException("expected a fragment item (FFFE,E000) in encapsulated "
                        + Tags.toString(tag) + ", found " + Tags.toString(itemTag), itemStart);
            }
            if (length == (UNDEFINED_LENGTH & 0xFFFF_FFFFL)) {
                throw new DicomParseException("fragment with undefined length", itemStart);
            }
            checkRemaining(length, tag);
            switch (readValue(tag, VR.OB, length)) {
                case BulkData ref -> fragments.add(ref);
                case byte[] bytes -> fragments.add(bytes);
                default -> throw new IllegalStateException("unreachable");
            }
        }
    }

    /**
     * VR of an element in Implicit VR: the dictionary's, or for private elements the private dictionary's for the
     * block's creator (as pydicom does), UN when unknown. Ambiguous VRs resolve per PS3.5 Annex A notes: US/SS by
     * Pixel Representation, OB/OW to OW.
     */
    private static VR implicitVR(Dataset ds, int tag) {
        if (Tags.isPrivateData(tag)) {
            String creator = ds.privateCreatorOf(tag);
            ElementDictionary.Entry entry = creator == null ? null : PrivateDictionary.lookup(creator, tag);
            return entry == null || entry.vr() == null ? VR.UN : resolveAmbiguous(ds, entry.vrAlternatives());
        }
        ElementDictionary.Entry entry = ElementDictionary.lookup(tag);
        if (entry == null || entry.vrAlternatives().size() <= 1) {
            return ElementDictionary.vrOf(tag);
        }
        return resolveAmbiguous(ds, entry.vrAlternatives());
    }

    private static VR resolveAmbiguous(Dataset ds, List<VR> alternatives) {
        if (alternatives.isEmpty()) {
            return VR.UN;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        if (alternatives.contains(VR.SS) && alternatives.contains(VR.US)) {
            return pixelRepresentation(ds) == 1 ? VR.SS : VR.US;
        }
        return alternatives.contains(VR.OW) ? VR.OW : alternatives.get(0);
    }

    private static int pixelRepresentation(Dataset ds) {
        for (Dataset d = ds; d != null; d = d.parent()) {
            if (d.contains(Tag.PixelRepresentation)) {
                try {
                    return d.getInt(Tag.PixelRepresentation, 0);
                } catch (RuntimeException malformed) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
