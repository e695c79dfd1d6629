package org.hrnode.dicom.json;

import java.nio.charset.StandardCharsets;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/** Hand-built datasets for the JSON tests: every VR, at the edges of what each can hold. */
final class SampleDatasets {

    /** A Chinese name with all three component groups (PS3.5 Annex J example, simplified characters). */
    static final String CHINESE_NAME = "Wang^XiaoDong=王^小东=wang^xiao dong";
    static final String PRIVATE_CREATOR = "HRNODE TEST";
    static final int PRIVATE_GROUP = 0x0009;
    static final int PRIVATE_CREATOR_TAG = 0x00090010;
    static final int PRIVATE_UN_TAG = 0x00091001;
    static final int PRIVATE_LO_TAG = 0x00091002;
    static final long MAX_UV = -1L; // 2^64 - 1 as two's complement
    static final long BEYOND_JSON_PRECISION = (1L << 53) + 1;
    static final byte[] OW_VALUES = BinaryValues.encodeIntegers(VR.OW, new long[] {0x0102, 0xFFFE}, false);
    static final byte[] OB_BYTES = {0, 1, 2, (byte) 0xFF, 0x7F};

    private SampleDatasets() {
    }

    /**
     * One element of every VR (34), plus a PN with three groups, empty elements and empty values, a sequence
     * nested two deep, an empty sequence and private elements. Binary values are set in the dataset's own byte
     * order, so a big-endian dataset holds big-endian bytes as a reader of Explicit VR Big Endian would.
     */
    static Dataset everyVr(boolean bigEndian) {
        Dataset ds = new Dataset(bigEndian);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "", "AXIAL");
        ds.setString(Tag.RetrieveAETitle, VR.AE, "HRNODE");
        ds.setString(Tag.PatientAge, VR.AS, "042Y");
        ds.setTags(Tag.FrameIncrementPointer, Tag.FrameTime, Tag.FrameTimeVector);
        ds.setString(Tag.StudyDate, VR.DA, "20240131");
        ds.setString(Tag.PixelSpacing, VR.DS, "1.50", "+007.5", ".5", "-2e-3");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240131123456.789+0100");
        ds.setDoubles(Tag.DiffusionBValue, VR.FD, Math.PI, -0.0, Double.MAX_VALUE);
        ds.setDoubles(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 0.1, Float.NaN, Double.NEGATIVE_INFINITY);
        ds.setString(Tag.InstanceNumber, VR.IS, "-12");
        ds.setString(Tag.Manufacturer, VR.LO, "HR Node");
        ds.setString(Tag.AdditionalPatientHistory, VR.LT, "line one\\still one value\r\nline two");
        ds.set(Tag.ICCProfile, VR.OB, OB_BYTES);
        ds.setDoubles(Tag.DoubleFloatPixelData, VR.OD, 1.0, -2.5);
        ds.setDoubles(Tag.FloatPixelData, VR.OF, 0.25, 4.0);
        ds.setInts(Tag.LongPrimitivePointIndexList, VR.OL, 1, 0xFFFF_FFFFL);
        ds.setInts(Tag.ExtendedOffsetTable, VR.OV, 0, 1L << 40);
        ds.setInts(Tag.RedPaletteColorLookupTableData, VR.OW, 0x0102, 0xFFFE);
        ds.setString(Tag.PatientName, VR.PN, CHINESE_NAME);
        ds.setString(Tag.OtherPatientNames, VR.PN, "=山田^太郎", "", "Doe^John");
        ds.setString(Tag.StationName, VR.SH, "CT01");
        ds.setInts(Tag.ReferencePixelX0, VR.SL, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ds.setInts(Tag.TagAngleSecondAxis, VR.SS, Short.MIN_VALUE, Short.MAX_VALUE);
        ds.setString(Tag.InstitutionAddress, VR.ST, "1 Main St\\Springfield");
        ds.setInts(Tag.SelectorSVValue, VR.SV, Long.MIN_VALUE, -(1L << 53), BEYOND_JSON_PRECISION);
        ds.setInts(Tag.SelectorUVValue, VR.UV, 1L << 53, MAX_UV);
        ds.setString(Tag.StudyTime, VR.TM, "123456.789");
        ds.setString(Tag.LongCodeValue, VR.UC, "a long code value");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1125.1");
        ds.setInts(Tag.SimpleFrameList, VR.UL, 0, 0xFFFF_FFFFL);
        ds.setString(Tag.RetrieveURL, VR.UR, "https://pacs.example/dicomweb/studies/1.2.3");
        ds.setInts(Tag.Rows, VR.US, 0, 0xFFFF);
        ds.setString(Tag.TextValue, VR.UT, "unlimited text");
        ds.set(Tag.StudyDescription, VR.LO, null);
        ds.newSequence(Tag.ContentSequence);

        Sequence references = ds.newSequence(Tag.ReferencedImageSequence);
        Dataset first = references.addNewItem();
        first.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4");
        first.setInts(Tag.ReferencedFrameNumber, VR.IS, 1, 2);
        Dataset nested = first.newSequence(Tag.ReferencedImageSequence).addNewItem();
        nested.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.5");
        references.addNewItem();

        ds.setString(PRIVATE_CREATOR_TAG, VR.LO, PRIVATE_CREATOR);
        ds.set(PRIVATE_UN_TAG, VR.UN, "opaque".getBytes(StandardCharsets.US_ASCII));
        ds.setString(PRIVATE_LO_TAG, VR.LO, "private text");
        ds.setInts(Tags.of(PRIVATE_GROUP, 0), VR.UL, 42); // a group length, which DICOM JSON leaves out
        return ds;
    }
}
