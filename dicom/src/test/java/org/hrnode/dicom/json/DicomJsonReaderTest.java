package org.hrnode.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.DatasetDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a dataset received as DICOM JSON holds, and how bad documents are refused. */
class DicomJsonReaderTest {

    private final DicomJsonReader reader = new DicomJsonReader();

    /** JSON with single quotes, for readable test documents. */
    private Dataset read(String json) throws DicomJsonException {
        return reader.read(json.replace('\'', '"'));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyVrReadsBackToTheDatasetThatWasWritten(boolean bigEndian) throws Exception {
        Dataset original = SampleDatasets.everyVr(bigEndian);

        Dataset decoded = reader.read(new DicomJsonWriter().toJson(original));

        assertThat(DatasetDiff.firstDifference(JsonNormalised.copy(original), JsonNormalised.copy(decoded))).isNull();
        assertThat(decoded.getString(Tag.PatientName)).isEqualTo(SampleDatasets.CHINESE_NAME);
        assertThat(decoded.getStrings(Tag.PixelSpacing)).containsExactly("1.50", "7.5", "0.5", "-2e-3");
        assertThat(decoded.getLongs(Tag.SelectorUVValue)).containsExactly(1L << 53, SampleDatasets.MAX_UV);
        assertThat(decoded.getDoubles(Tag.RecommendedDisplayFrameRateInFloat))
                .containsExactly(0.1f, Float.NaN, Double.NEGATIVE_INFINITY);
        assertThat(decoded.getItem(Tag.ReferencedImageSequence).getItem(Tag.ReferencedImageSequence)
                .getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2.3.4.5");
        assertThat(decoded.privateCreatorOf(SampleDatasets.PRIVATE_LO_TAG)).isEqualTo(SampleDatasets.PRIVATE_CREATOR);
    }

    @Test
    void multipleValuesAreJoinedWithBackslashesAndNullsAreEmptyValues() throws Exception {
        Dataset ds = read("{'00080008':{'vr':'CS','Value':['ORIGINAL',null,'AXIAL']},'00081030':{'vr':'LO'}}");

        assertThat(ds.getText(Tag.ImageType)).isEqualTo("ORIGINAL\\\\AXIAL");
        assertThat(ds.contains(Tag.StudyDescription)).isTrue();
        assertThat(ds.hasValue(Tag.StudyDescription)).isFalse();
    }

    @Test
    void personNameGroupsAreJoinedWithEqualsSignsUpToTheLastPresent() throws Exception {
        Dataset ds = read("{'00100010':{'vr':'PN','Value':[{'Phonetic':'ya^ma','Alphabetic':'Yamada^Tarou'},"
                + "{'Ideographic':'山田^太郎'},null,'Plain^String']}}");

        assertThat(ds.getStrings(Tag.PatientName))
                .containsExactly("Yamada^Tarou==ya^ma", "=山田^太郎", "", "Plain^String");
    }

    @Test
    void numberStringsKeepTheTextOfTheirJsonNumbers() throws Exception {
        Dataset ds = read("{'00280030':{'vr':'DS','Value':[1.50,1e3,-0.0,'7.25']},"
                + "'00200013':{'vr':'IS','Value':[12]}}");

        assertThat(ds.getStrings(Tag.PixelSpacing)).containsExactly("1.50", "1e3", "-0.0", "7.25");
        assertThat(ds.getInt(Tag.InstanceNumber, 0)).isEqualTo(12);
    }

    @Test
    void membersMayComeInAnyOrder() throws Exception {
        Dataset ds = read("{'00280030':{'Value':[1.50,2.0],'vr':'DS'}}");
        Dataset sq = read("{'00081140':{'Value':[{'00081155':{'Value':['1.2'],'vr':'UI'}}],'vr':'SQ'}}");

        assertThat(ds.getStrings(Tag.PixelSpacing)).containsExactly("1.50", "2.0");
        assertThat(sq.getItem(Tag.ReferencedImageSequence).getString(Tag.ReferencedSOPInstanceUID)).isEqualTo("1.2");
    }

    @Test
    void binaryNumbersAreEncodedLittleEndianAndMayBeStrings() throws Exception {
        Dataset ds = read("{'00280010':{'vr':'US','Value':[258]},'00720083':{'vr':'UV','Value':['18446744073709551615']},"
                + "'00189087':{'vr':'FD','Value':['NaN',2.5e0]},'00280009':{'vr':'AT','Value':['7fe00010']}}");

        assertThat(ds.getBytes(Tag.Rows)).containsExactly(2, 1);
        assertThat(ds.getLongs(Tag.SelectorUVValue)).containsExactly(-1L);
        assertThat(ds.getDoubles(Tag.DiffusionBValue)).containsExactly(Double.NaN, 2.5);
        assertThat(ds.getTags(Tag.FrameIncrementPointer)).containsExactly(Tag.PixelData);
    }

    @Test
    void inlineBinaryIsDecoded() throws Exception {
        Dataset ds = read("{'00281201':{'vr':'OW','InlineBinary':'AgH+/w=='},'00091001':{'vr':'UN','InlineBinary':'AQI'}}");

        assertThat(ds.getBytes(Tag.RedPaletteColorLookupTableData)).isEqualTo(HexFormat.of().parseHex("0201feff"));
        assertThat(ds.getBytes(0x00091001)).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"feff00e000000000feff00e00400000001020300feffdde000000000",
        "feff00e000000000feff00e00400000001020300"})
    void pixelDataHoldingItemsBecomesFragmentsWithOrWithoutTheDelimiter(String valueField) throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(valueField));

        Dataset ds = read("{'7FE00010':{'vr':'OB','InlineBinary':'" + base64 + "'}}");

        Fragments fragments = ds.getFragments(Tag.PixelData);
        assertThat(fragments).isNotNull();
        assertThat(fragments.size()).isEqualTo(2);
        assertThat((byte[]) fragments.items().get(1)).containsExactly(1, 2, 3, 0);
    }

    @Test
    void nativePixelDataStaysBytes() throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex("feff00e0ffff"));

        Dataset ds = read("{'7FE00010':{'vr':'OW','InlineBinary':'" + base64 + "'}}");

        assertThat(ds.getBytes(Tag.PixelData)).hasSize(6);
    }

    @Test
    void bulkDataUrisAreResolvedByTheCallerWithThePathOfTheAttribute() throws Exception {
        List<String> asked = new ArrayList<>();
        BulkData reference = new BulkData(java.net.URI.create("file:///data/1.dcm"), 1024, 4096);
        DicomJsonReader resolving = reader.withBulkDataResolver((path, vr, uri) -> {
            asked.add(path + " " + vr + " " + uri);
            return uri.endsWith("icc") ? new byte[] {1, 2} : reference;
        });

        Dataset ds = resolving.read(("{'00880200':{'vr':'SQ','Value':[{'00282000':{'vr':'OB','BulkDataURI':'b/icc'},"
                + "'7FE00010':{'vr':'OW','BulkDataURI':'b/px'}}]}}").replace('\'', '"'));

        Dataset icon = ds.getItem(Tag.IconImageSequence);
        assertThat(icon.getBytes(Tag.ICCProfile)).containsExactly(1, 2);
        assertThat(icon.getValue(Tag.PixelData)).isEqualTo(reference);
        assertThat(asked).containsExactly("(0088,0200)[0]/(0028,2000) OB b/icc", "(0088,0200)[0]/(7FE0,0010) OW b/px");
    }

    @Test
    void bulkDataUrisWithoutAResolverAreRefusedClearly() {
        assertThatThrownBy(() -> read("{'7FE00010':{'vr':'OW','BulkDataURI':'https://pacs/bulk/7FE00010'}}"))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("https://pacs/bulk/7FE00010")
                .hasMessageContaining("no BulkDataResolver")
                .hasMessageContaining("in (7FE0,0010)");
    }

    @Test
    void anArrayOfDatasetsIsAList() throws Exception {
        List<Dataset> datasets = reader.readArray(new ByteArrayInputStream(
                "[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2\"]}},{}]".getBytes(StandardCharsets.UTF_8)));

        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).getString(Tag.StudyInstanceUID)).isEqualTo("1.2");
        assertThat(datasets.get(1).isEmpty()).isTrue();
    }

    @Test
    void aDatasetEmbeddedInALargerDocumentIsReadFromTheCallersParser() throws Exception {
        try (JsonParser p = new JsonFactory().createParser("{\"dataset\":{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P1\"]}},\"n\":1}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();

            Dataset ds = reader.read(p);

            assertThat(ds.getString(Tag.PatientID)).isEqualTo("P1");
            assertThat(p.nextToken().isStructEnd()).isFalse();
            assertThat(p.currentName()).isEqualTo("n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                       | {'00100010':                                          | not valid JSON
            trailing content               | {} {}                                                 | after the end of the document
            an array, not a dataset        | []                                                    | expected a JSON object
            key that is no tag             | {'PatientName':{'vr':'PN'}}                           | is not a tag
            non-ASCII hex digits           | {'００１００010':{'vr':'PN'}}                            | is not a tag
            item tag as attribute          | {'FFFEE000':{'vr':'OB'}}                              | item and delimiter tags
            same tag twice                 | {'00100010':{'vr':'PN'},'00100010':{'vr':'PN'}}      | not valid JSON
            same tag in two spellings      | {'0008103e':{'vr':'LO'},'0008103E':{'vr':'LO'}}      | appears twice
            no vr                          | {'00100010':{'Value':['A']}}                          | has no "vr"
            unknown VR                     | {'00100010':{'vr':'XX'}}                              | is not a VR
            unknown member                 | {'00100010':{'vr':'PN','value':['A']}}                | unknown member "value"
            two values                     | {'00091001':{'vr':'OB','InlineBinary':'','BulkDataURI':'x'} } | found InlineBinary and BulkDataURI
            Value for OB                   | {'00091001':{'vr':'OB','Value':[1]}}                  | not as Value
            InlineBinary for CS            | {'00080008':{'vr':'CS','InlineBinary':'AA=='}}        | InlineBinary is for OB
            BulkDataURI for CS             | {'00080008':{'vr':'CS','BulkDataURI':'x'}}            | allows no BulkDataURI for CS
            Value not an array             | {'00080008':{'vr':'CS','Value':'ORIGINAL'}}           | must be an array
            backslash in a CS value        | {'00080008':{'vr':'CS','Value':['A\\\\B']}}           | backslash
            two values for LT              | {'001021B0':{'vr':'LT','Value':['a','b']}}            | single value
            number for CS                  | {'00080008':{'vr':'CS','Value':[1]}}                  | expected a string
            US out of range                | {'00280010':{'vr':'US','Value':[65536]}}              | out of range for US
            US fraction                    | {'00280010':{'vr':'US','Value':[1.5]}}                | not an integer
            US huge exponent               | {'00280010':{'vr':'US','Value':[1e999999999]}}        | out of range for US
            null among US                  | {'00280010':{'vr':'US','Value':[1,null]}}             | cannot be encoded in binary
            FL overflow                    | {'00089459':{'vr':'FL','Value':[1e39]}}               | out of range for FL
            word for FD                    | {'00189087':{'vr':'FD','Value':['pi']}}               | is not a number
            AT not hex                     | {'00280009':{'vr':'AT','Value':['0018106']}}          | tags of 8 hexadecimal digits
            PN unknown group               | {'00100010':{'vr':'PN','Value':[{'Latin':'A'}]}}      | unknown person name component group
            item not an object             | {'00081140':{'vr':'SQ','Value':[null]}}               | must be an object
            bad base64                     | {'00091001':{'vr':'OB','InlineBinary':'!!!!'}}        | not valid base64
            truncated base64               | {'00091001':{'vr':'OB','InlineBinary':'AAAAA'}}       | not valid base64
            """)
    void badDocumentsAreRefusedWithTheProblemAndWhereItIs(String what, String json, String problem) {
        assertThatThrownBy(() -> read(json))
                .as(what)
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("at line 1, column");
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> reader.read(" ")).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("expected a JSON object holding a dataset, found the end of the document");
    }

    @Test
    void errorsNameTheAttributeInsideSequences() {
        assertThatThrownBy(() -> read("{'00081140':{'vr':'SQ','Value':[{},{'00081160':{'vr':'IS','Value':[{}]}}]}}"))
                .isInstanceOfSatisfying(DicomJsonException.class, e -> {
                    assertThat(e.attribute()).isEqualTo("(0008,1140)[1]/(0008,1160)");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void errorsInValuesThatPrecededTheirVrPointAtTheValue() {
        assertThatThrownBy(() -> read("{\n'00280010':{'Value':[-1],\n'vr':'US'}}"))
                .isInstanceOfSatisfying(DicomJsonException.class, e -> {
                    assertThat(e.getMessage()).contains("out of range for US");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void sequencesNestedBeyondTheLimitAreRefused() throws Exception {
        DicomJsonReader shallow = new DicomJsonReader(JsonReadOptions.defaults().withMaxNestingDepth(2));
        String twoDeep = "{'00081140':{'vr':'SQ','Value':[{'00081140':{'vr':'SQ','Value':[{}]}}]}}";
        String threeDeep = "{'00081140':{'vr':'SQ','Value':[{'00081140':{'vr':'SQ','Value':[{'00081140':"
                + "{'vr':'SQ','Value':[{}]}}]}}]}}";

        assertThatThrownBy(() -> shallow.read(threeDeep.replace('\'', '"')))
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("nested deeper than 2");
        assertThat(shallow.read(twoDeep.replace('\'', '"')).getItem(Tag.ReferencedImageSequence)).isNotNull();
    }

    @Test
    void deeplyNestedJunkBeforeItsVrIsRefusedByTheParserLimit() {
        String deep = "{\"00081140\":{\"Value\":" + "[".repeat(100_000);

        assertThatThrownBy(() -> reader.read(deep)).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void valuesAndDocumentsBeyondTheLimitsAreRefused() {
        DicomJsonReader small = new DicomJsonReader(JsonReadOptions.defaults().withMaxValueLength(8)
                .withMaxDocumentLength(200));

        assertThatThrownBy(() -> small.read("{\"00091001\":{\"vr\":\"OB\",\"InlineBinary\":\"AAAAAAAAAAAA\"}}"))
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("longer than 8 bytes");
        assertThatThrownBy(() -> small.read("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"123456789\"]}}"))
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("longer than 8 characters");
        assertThatThrownBy(() -> small.read("{\"00280010\":{\"vr\":\"US\",\"Value\":[1,2,3,4,5]}}"))
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("longer than 8 bytes");
        StringBuilder many = new StringBuilder("{\"00100020\":{\"vr\":\"LO\"}");
        for (int i = 0; i < 2000; i++) {
            many.append(",\"").append(String.format("%08X", 0x00091000 + i)).append("\":{\"vr\":\"LO\"}");
        }
        String large = many.append('}').toString();
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> small.read(large)).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("exceeds the maximum");
    }
}
