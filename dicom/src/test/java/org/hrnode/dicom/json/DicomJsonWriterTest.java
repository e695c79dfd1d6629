package org.hrnode.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a DICOMweb client receives for each kind of value (PS3.18 F.2). */
class DicomJsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode json(Dataset ds) throws Exception {
        return MAPPER.readTree(new DicomJsonWriter().toJson(ds));
    }

    private static JsonNode attribute(Dataset ds, int tag) throws Exception {
        return json(ds).get(String.format("%08X", tag));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyVrIsWrittenAsPs318Requires(boolean bigEndian) throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(bigEndian));

        assertThat(j.get("00080054").toString()).isEqualTo("{\"vr\":\"AE\",\"Value\":[\"HRNODE\"]}");
        assertThat(j.get("00101010").toString()).isEqualTo("{\"vr\":\"AS\",\"Value\":[\"042Y\"]}");
        assertThat(j.get("00280009").toString()).isEqualTo("{\"vr\":\"AT\",\"Value\":[\"00181063\",\"00181065\"]}");
        assertThat(j.get("00080008").toString()).isEqualTo("{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]}");
        assertThat(j.get("00080020").toString()).isEqualTo("{\"vr\":\"DA\",\"Value\":[\"20240131\"]}");
        assertThat(j.get("0008002A").path("Value").get(0).asText()).isEqualTo("20240131123456.789+0100");
        assertThat(j.get("00189087").toString())
                .isEqualTo("{\"vr\":\"FD\",\"Value\":[3.141592653589793,-0.0,1.7976931348623157E308]}");
        assertThat(j.get("00089459").toString()).isEqualTo("{\"vr\":\"FL\",\"Value\":[0.1,\"NaN\",\"-Infinity\"]}");
        assertThat(j.get("00200013").toString()).isEqualTo("{\"vr\":\"IS\",\"Value\":[-12]}");
        assertThat(j.get("00080070").path("Value").get(0).asText()).isEqualTo("HR Node");
        assertThat(j.get("001021B0").path("Value")).hasSize(1);
        assertThat(j.get("001021B0").path("Value").get(0).asText()).isEqualTo("line one\\still one value\r\nline two");
        assertThat(j.get("00081010").path("Value").get(0).asText()).isEqualTo("CT01");
        assertThat(j.get("00186020").toString()).isEqualTo("{\"vr\":\"SL\",\"Value\":[-2147483648,2147483647]}");
        assertThat(j.get("00189219").toString()).isEqualTo("{\"vr\":\"SS\",\"Value\":[-32768,32767]}");
        assertThat(j.get("00080081").path("Value").get(0).asText()).isEqualTo("1 Main St\\Springfield");
        assertThat(j.get("00080030").path("Value").get(0).asText()).isEqualTo("123456.789");
        assertThat(j.get("00080119").path("Value").get(0).asText()).isEqualTo("a long code value");
        assertThat(j.get("00080018").path("Value").get(0).asText()).isEqualTo("1.2.826.0.1.3680043.2.1125.1");
        assertThat(j.get("00081161").toString()).isEqualTo("{\"vr\":\"UL\",\"Value\":[0,4294967295]}");
        assertThat(j.get("00081190").path("Value").get(0).asText())
                .isEqualTo("https://pacs.example/dicomweb/studies/1.2.3");
        assertThat(j.get("00280010").toString()).isEqualTo("{\"vr\":\"US\",\"Value\":[0,65535]}");
        assertThat(j.get("0040A160").path("Value").get(0).asText()).isEqualTo("unlimited text");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void binaryValuesAreInlineBase64InLittleEndianWhateverTheSourceOrder(boolean bigEndian) throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(bigEndian));

        assertThat(inline(j, "00282000")).isEqualTo(SampleDatasets.OB_BYTES);
        assertThat(inline(j, "00281201")).isEqualTo(HexFormat.of().parseHex("0201feff"));
        assertThat(inline(j, "7FE00009")).isEqualTo(HexFormat.of().parseHex("000000000000f03f00000000000004c0"));
        assertThat(inline(j, "7FE00008")).isEqualTo(HexFormat.of().parseHex("0000803e00008040"));
        assertThat(inline(j, "00660040")).isEqualTo(HexFormat.of().parseHex("01000000ffffffff"));
        assertThat(inline(j, "7FE00001")).isEqualTo(HexFormat.of().parseHex("00000000000000000000000000010000"));
        assertThat(j.get("00091001").get("vr").asText()).isEqualTo("UN");
        assertThat(inline(j, "00091001")).isEqualTo("opaque".getBytes());
    }

    private static byte[] inline(JsonNode j, String key) {
        return Base64.getDecoder().decode(j.get(key).get("InlineBinary").asText());
    }

    @Test
    void personNamesAreObjectsWithTheirNonEmptyGroups() throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(false));

        assertThat(j.get("00100010").toString()).isEqualTo("{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":"
                + "\"Wang^XiaoDong\",\"Ideographic\":\"王^小东\",\"Phonetic\":\"wang^xiao dong\"}]}");
        assertThat(j.get("00101001").toString()).isEqualTo("{\"vr\":\"PN\",\"Value\":[{\"Ideographic\":\"山田^太郎\"},"
                + "null,{\"Alphabetic\":\"Doe^John\"}]}");
    }

    @Test
    void textHeldAsBytesIsDecodedWithTheDatasetsCharacterSet() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        ds.set(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小东=".getBytes("GB18030"));

        assertThat(attribute(ds, Tag.PatientName).toString()).isEqualTo(
                "{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Wang^XiaoDong\",\"Ideographic\":\"王^小东\"}]}");
    }

    @Test
    void aMalformedNameWithMoreThanThreeGroupsKeepsTheSurplusInPhonetic() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientName, VR.PN, "A=B=C=D");

        assertThat(attribute(ds, Tag.PatientName).toString())
                .isEqualTo("{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"A\",\"Ideographic\":\"B\",\"Phonetic\":\"C=D\"}]}");
    }

    @Test
    void decimalAndIntegerStringsAreNumbersWithTheirOwnDigits() throws Exception {
        String json = new DicomJsonWriter().toJson(SampleDatasets.everyVr(false));

        assertThat(json).contains("\"00280030\":{\"vr\":\"DS\",\"Value\":[1.50,7.5,0.5,-2e-3]}");
    }

    @Test
    void numberStringsThatAreNoNumbersAreWrittenAsStrings() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.NumberOfFrames, VR.IS, "1A");
        ds.setString(Tag.SliceThickness, VR.DS, "NaN", "", "5.");

        assertThat(attribute(ds, Tag.NumberOfFrames).toString()).isEqualTo("{\"vr\":\"IS\",\"Value\":[\"1A\"]}");
        assertThat(attribute(ds, Tag.SliceThickness).toString())
                .isEqualTo("{\"vr\":\"DS\",\"Value\":[\"NaN\",null,5]}");
    }

    @Test
    void sixtyFourBitIntegersBeyondTwoToThe53AreStrings() throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(false));

        assertThat(j.get("00720082").toString())
                .isEqualTo("{\"vr\":\"SV\",\"Value\":[\"-9223372036854775808\",-9007199254740992,\"9007199254740993\"]}");
        assertThat(j.get("00720083").toString())
                .isEqualTo("{\"vr\":\"UV\",\"Value\":[9007199254740992,\"18446744073709551615\"]}");
    }

    @Test
    void emptyElementsHaveNoValueAndSequencesNest() throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(false));

        assertThat(j.get("00081030").toString()).isEqualTo("{\"vr\":\"LO\"}");
        assertThat(j.get("0040A730").toString()).isEqualTo("{\"vr\":\"SQ\"}");
        assertThat(j.get("00081140").toString()).isEqualTo("{\"vr\":\"SQ\",\"Value\":["
                + "{\"00081140\":{\"vr\":\"SQ\",\"Value\":[{\"00081155\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4.5\"]}}]},"
                + "\"00081155\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]},"
                + "\"00081160\":{\"vr\":\"IS\",\"Value\":[1,2]}},{}]}");
    }

    @Test
    void attributesComeInTagOrderWithPrivateOnesLikeOthersAndNoGroupLengths() throws Exception {
        JsonNode j = json(SampleDatasets.everyVr(false));
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).isSorted().doesNotContain("00090000").contains("00090010", "00091001", "00091002");
        assertThat(j.get("00090010").toString()).isEqualTo("{\"vr\":\"LO\",\"Value\":[\"HRNODE TEST\"]}");
        assertThat(j.get("00091002").toString()).isEqualTo("{\"vr\":\"LO\",\"Value\":[\"private text\"]}");
    }

    @Test
    void bulkDataReferencesAreReadWhenInlinedAndLeftAloneWhenReferenced() throws Exception {
        Path file = tmp.resolve("values.bin");
        Files.write(file, new byte[] {9, 9, 1, 2, 3, 4, 9});
        Dataset ds = new Dataset();
        ds.set(Tag.ICCProfile, VR.OB, new BulkData(file.toUri(), 2, 4));
        ds.set(Tag.PixelData, VR.OW, new BulkData(tmp.resolve("absent.bin").toUri(), 0, 1 << 20));
        BulkDataUriPolicy policy = BulkDataUriPolicy.aboveThreshold(1024, "https://pacs/bulk/{path}");

        JsonNode j = MAPPER.readTree(new DicomJsonWriter(policy, JsonLayout.COMPACT).toJson(ds));

        assertThat(inline(j, "00282000")).containsExactly(1, 2, 3, 4);
        assertThat(j.get("7FE00010").toString()).isEqualTo("{\"vr\":\"OW\",\"BulkDataURI\":\"https://pacs/bulk/7FE00010\"}");
    }

    @Test
    void thresholdPolicyNamesNestedValuesByTheirPath() throws Exception {
        Dataset ds = new Dataset();
        Dataset item = ds.newSequence(Tag.IconImageSequence).addNewItem();
        item.set(Tag.PixelData, VR.OB, new byte[2048]);
        item.set(Tag.ICCProfile, VR.OB, new byte[16]);
        BulkDataUriPolicy policy = BulkDataUriPolicy.aboveThreshold(1024, "https://pacs/i/1.2/bulkdata/{path}");

        JsonNode icon = MAPPER.readTree(new DicomJsonWriter(policy, JsonLayout.COMPACT).toJson(ds))
                .get("00880200").get("Value").get(0);

        assertThat(icon.get("7FE00010").get("BulkDataURI").asText())
                .isEqualTo("https://pacs/i/1.2/bulkdata/00880200/0/7FE00010");
        assertThat(icon.get("00282000").has("InlineBinary")).isTrue();
    }

    @Test
    void aThresholdTemplateWithoutPathPlaceholderIsRejected() {
        assertThatThrownBy(() -> BulkDataUriPolicy.aboveThreshold(0, "https://pacs/bulk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{path}");
    }

    @Test
    void encapsulatedPixelDataInlinesItsValueFieldWithItemHeadersAndDelimiter() throws Exception {
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new byte[] {1, 2, 3});
        Dataset ds = new Dataset();
        ds.set(Tag.PixelData, VR.OB, fragments);

        assertThat(inline(json(ds), "7FE00010")).isEqualTo(HexFormat.of().parseHex(
                "feff00e000000000" + "feff00e004000000" + "01020300" + "feffdde000000000"));
    }

    @Test
    void encapsulatedPixelDataGetsABulkDataUriWhenThePolicyGivesOne() throws Exception {
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        fragments.add(new BulkData(tmp.resolve("absent.bin").toUri(), 0, 1 << 20));
        Dataset ds = new Dataset();
        ds.set(Tag.PixelData, VR.OB, fragments);
        List<Long> lengths = new ArrayList<>();
        BulkDataUriPolicy policy = (path, vr, length) -> {
            lengths.add(length);
            return "https://pacs/frames/1";
        };

        String json = new DicomJsonWriter(policy, JsonLayout.COMPACT).toJson(ds);

        assertThat(json).isEqualTo("{\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"https://pacs/frames/1\"}}");
        assertThat(lengths).containsExactly(8L + 8 + (1 << 20) + 8);
    }

    @Test
    void severalDatasetsAreOneArrayAndPrettyLayoutIsTheSameJson() throws Exception {
        Dataset a = new Dataset();
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        Dataset b = SampleDatasets.everyVr(false);
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        ByteArrayOutputStream pretty = new ByteArrayOutputStream();

        new DicomJsonWriter().writeArray(List.of(a, b), compact);
        new DicomJsonWriter(BulkDataUriPolicy.inlineAll(), JsonLayout.PRETTY).writeArray(List.of(a, b), pretty);

        JsonNode array = MAPPER.readTree(compact.toByteArray());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).toString()).isEqualTo("{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}");
        assertThat(compact.toString()).doesNotContain("\n");
        assertThat(pretty.toString()).contains("\n");
        assertThat(MAPPER.readTree(pretty.toByteArray())).isEqualTo(array);
    }
}
