package org.hrnode.dicom.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.WriteOptions;

/**
 * Seeds built with our own writer, so every encoding the reader supports is in the corpus even where no real file
 * has it: every VR, nested sequences of defined and undefined length, a private block, UTF-8 text, native and
 * encapsulated pixel data, in Implicit, Explicit, Deflated and Big Endian syntaxes, with and without Part 10 meta.
 */
final class SyntheticSeeds {

    private static final String SOP_INSTANCE_UID = "2.25.1234567890123456789";
    private static final String PRIVATE_CREATOR = "HRNODE FUZZ";
    private static final int PRIVATE_GROUP = 0x0009;
    private static final int PIXELS = 8 * 8;
    private static final int SEQUENCE_DEPTH = 3;
    /** Items with content in each sequence, followed by one empty item. */
    private static final int ITEMS_PER_SEQUENCE = 2;

    private SyntheticSeeds() {
    }

    static List<SeedCorpus.Seed> all() {
        List<SeedCorpus.Seed> seeds = new ArrayList<>();
        WriteOptions undefinedLengths = WriteOptions.defaults();
        WriteOptions definedLengths = WriteOptions.defaults().withUndefinedSequenceLength(false);
        seeds.add(part10("synthetic-implicit", nativeImage(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                undefinedLengths));
        seeds.add(part10("synthetic-explicit", nativeImage(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                undefinedLengths));
        seeds.add(part10("synthetic-explicit-defined-lengths", nativeImage(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, definedLengths));
        seeds.add(part10("synthetic-implicit-defined-lengths", nativeImage(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, definedLengths));
        seeds.add(part10("synthetic-deflated", nativeImage(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
                undefinedLengths));
        seeds.add(part10("synthetic-encapsulated", encapsulatedImage(), TransferSyntax.JPEG_BASELINE_8BIT,
                undefinedLengths));
        seeds.add(bare("synthetic-bare-explicit", nativeImage(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        seeds.add(bare("synthetic-bare-implicit", nativeImage(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        seeds.add(new SeedCorpus.Seed("synthetic-big-endian", BigEndianSeedEncoder.part10(nativeImage(),
                FileMetaInformation.forDataset(nativeImage(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN))));
        return seeds;
    }

    /** A small image whose header has one element of every VR, sequences and a private block. */
    static Dataset nativeImage() {
        Dataset ds = header();
        ds.setInts(Tag.PixelData, VR.OW, new long[PIXELS]);
        return ds;
    }

    private static Dataset encapsulatedImage() {
        Dataset ds = header();
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0, 0});
        fragments.add(new byte[] {1, 2, 3, (byte) 0xFF, (byte) 0xD9});
        ds.set(Tag.PixelData, VR.OB, fragments);
        return ds;
    }

    private static Dataset header() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP_INSTANCE_UID);
        ds.setString(Tag.StudyDate, VR.DA, "20240229");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240229123456.789+0800");
        ds.setString(Tag.StudyTime, VR.TM, "123456.789");
        ds.setString(Tag.StationAETitle, VR.AE, "HRNODE");
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.InstitutionName, VR.LO, "West China Hospital");
        ds.setBytes(Tag.ReferringPhysicianName, VR.PN,
                "王^小东=ワン^ショウトウ".getBytes(StandardCharsets.UTF_8)); // raw UTF-8, whatever the charset code does
        ds.setString(Tag.StudyDescription, VR.LO, "HEAD\\NECK");
        ds.setString(Tag.RetrieveURL, VR.UR, "https://example.org/dicomweb/studies/1");
        ds.setString(Tag.DerivationDescription, VR.ST, "derived\\with backslash");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setString(Tag.PatientID, VR.LO, "12345");
        ds.setString(Tag.PatientAge, VR.AS, "042Y");
        ds.setString(Tag.PatientComments, VR.LT, "line one\r\nline two");
        ds.setString(Tag.InstanceNumber, VR.IS, "7");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-125.5", "0", "1e2");
        ds.setString(Tag.ImageComments, VR.LT, "comment");
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setString(Tag.NumberOfFrames, VR.IS, "1");
        ds.setTags(Tag.FrameIncrementPointer, Tag.FrameIncrementPointer);
        ds.setInts(Tag.Rows, VR.US, 8);
        ds.setInts(Tag.Columns, VR.US, 8);
        ds.setInts(Tag.BitsAllocated, VR.US, 16);
        ds.setInts(Tag.BitsStored, VR.US, 12);
        ds.setInts(Tag.HighBit, VR.US, 11);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40");
        ds.setString(Tag.RescaleSlope, VR.DS, "1.5");
        selectorValues(ds);
        nestedSequence(ds.newSequence(Tag.ReferencedSeriesSequence), SEQUENCE_DEPTH);
        int privateTag = ds.reservePrivateTag(PRIVATE_CREATOR, PRIVATE_GROUP, 0x01);
        ds.setString(privateTag, VR.LO, "private value");
        ds.setBytes(ds.reservePrivateTag(PRIVATE_CREATOR, PRIVATE_GROUP, 0x02), VR.UN, new byte[] {1, 2, 3, 4});
        return ds;
    }

    /** The Selector Value attributes cover every VR, binary and text, in one small group. */
    private static void selectorValues(Dataset ds) {
        ds.setTags(Tag.SelectorATValue, Tag.PatientName, Tag.PixelData);
        ds.setBytes(Tag.SelectorOBValue, VR.OB, new byte[] {1, 2, 3});
        ds.setDoubles(Tag.SelectorOFValue, VR.OF, 1.5, -0.25);
        ds.setString(Tag.SelectorLTValue, VR.LT, "long text");
        ds.setInts(Tag.SelectorOWValue, VR.OW, 1, 0xFFFF);
        ds.setBytes(Tag.SelectorUNValue, VR.UN, new byte[] {9, 8, 7});
        ds.setString(Tag.SelectorSTValue, VR.ST, "short text");
        ds.setString(Tag.SelectorUCValue, VR.UC, "unlimited", "characters");
        ds.setString(Tag.SelectorUTValue, VR.UT, "unlimited text");
        ds.setString(Tag.SelectorURValue, VR.UR, "urn:oid:1.2.3");
        ds.setDoubles(Tag.SelectorODValue, VR.OD, Math.PI);
        ds.setDoubles(Tag.SelectorFDValue, VR.FD, Math.E, Double.MIN_VALUE);
        ds.setInts(Tag.SelectorOLValue, VR.OL, -1, 2);
        ds.setDoubles(Tag.SelectorFLValue, VR.FL, 0.1, Float.MAX_VALUE);
        ds.setInts(Tag.SelectorULValue, VR.UL, 0xFFFF_FFFFL);
        ds.setInts(Tag.SelectorUSValue, VR.US, 0, 65535);
        ds.setInts(Tag.SelectorSLValue, VR.SL, Integer.MIN_VALUE);
        ds.setInts(Tag.SelectorSSValue, VR.SS, -32768, 32767);
        ds.setInts(Tag.SelectorOVValue, VR.OV, Long.MAX_VALUE);
        ds.setInts(Tag.SelectorSVValue, VR.SV, Long.MIN_VALUE);
        ds.setInts(Tag.SelectorUVValue, VR.UV, -1);
    }

    private static void nestedSequence(Sequence sq, int depth) {
        for (int i = 0; i < ITEMS_PER_SEQUENCE; i++) {
            Dataset item = sq.addNewItem();
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, SOP_INSTANCE_UID + "." + depth + "." + i);
            item.setString(Tag.ReferencedFrameNumber, VR.IS, "1", "2");
            if (depth > 1) {
                nestedSequence(item.newSequence(Tag.ReferencedImageSequence), depth - 1);
            }
        }
        sq.addNewItem(); // an empty item
    }

    private static SeedCorpus.Seed part10(String name, Dataset dataset, TransferSyntax ts, WriteOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes, options)) {
            w.writePart10(FileMetaInformation.forDataset(dataset, ts), dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SeedCorpus.Seed(name, bytes.toByteArray());
    }

    private static SeedCorpus.Seed bare(String name, Dataset dataset, TransferSyntax ts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(dataset, ts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SeedCorpus.Seed(name, bytes.toByteArray());
    }
}
