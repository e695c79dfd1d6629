package org.hrnode.dicom.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.json.BulkDataUriPolicy;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Native DICOM Model written here says what DCMTK's {@code dcm2xml -nat}, an independent implementation of
 * PS3.19, says of the same real files: the same attributes with the same VRs, values, person name components and
 * items. (DCMTK's {@code xml2dcm} reads only DCMTK's own XML format, not PS3.19's, so the comparison runs this way
 * round.) Binary values are compared as present, since DCMTK writes them as UUID references.
 */
class DicomXmlWriterTest {

    @TempDir
    Path dir;

    static Stream<Path> filesDcmtkDecodes() {
        Path shared = TestData.sharedData();
        // DCMTK as Debian builds it decodes ISO_IR 192 and the ISO 8859 sets, but neither GB18030 (it quotes the
        // bytes) nor ISO 2022 IR 87 (it writes them raw, which is no UTF-8)
        return Stream.of(shared.resolve("charset/chrX1.dcm"), shared.resolve("charset/chrFren.dcm"),
                shared.resolve("charset/chrGerm.dcm"), TestData.dicomFilesUnder(shared.resolve("ct-head-ge"))
                        .getFirst(), TestData.dicomFilesUnder(shared.resolve("mr-uih-t1-sag")).getFirst(),
                // big-endian numbers, and encapsulated Pixel Data
                TestData.pydicomTestFiles().resolve("MR_small_bigendian.dcm"),
                TestData.pydicomTestFiles().resolve("JPEG2000.dcm"));
    }

    @ParameterizedTest
    @MethodSource("filesDcmtkDecodes")
    void saysWhatDcmtkSaysOfTheSameFile(Path file) throws Exception {
        ExternalTool.require("dcm2xml");
        Path dcmtkXml = dir.resolve("dcmtk.xml");
        ExternalTool.Result run = ExternalTool.run("dcm2xml", "-nat", file.toString(), dcmtkXml.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();

        byte[] ours = write(DicomReader.readFile(file).dataset(), new DicomXmlWriter());

        assertThat(canonical(parse(ours))).hasSizeGreaterThan(5)
                .containsExactlyElementsOf(canonical(parse(Files.readAllBytes(dcmtkXml))));
    }

    @Test
    void chineseNamesInGb18030ComeOutAsTheirGroupsAndComponents() throws Exception {
        Path file = TestData.sharedData().resolve("charset/chrX2.dcm");
        TestData.require(Files.isRegularFile(file), file.toString());

        Element root = parse(write(DicomReader.readFile(file).dataset(), new DicomXmlWriter())).getDocumentElement();
        Element name = attribute(root, "00100010");

        // the data README: chrX2 is GB18030, Wang^XiaoDong=王^小东
        assertThat(text(name, "Alphabetic", "FamilyName")).isEqualTo("Wang");
        assertThat(text(name, "Alphabetic", "GivenName")).isEqualTo("XiaoDong");
        assertThat(text(name, "Ideographic", "FamilyName")).isEqualTo("王");
        assertThat(text(name, "Ideographic", "GivenName")).isEqualTo("小东");
        assertThat(root.getNamespaceURI()).isEqualTo(DicomXmlWriter.NAMESPACE);
    }

    @Test
    void largeBinaryValuesBecomeBulkDataReferencesAndSmallOnesInlineBase64() throws Exception {
        Dataset ds = new Dataset();
        ds.setBytes(Tag.PixelData, VR.OW, new byte[4096]);
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[] {1, 2, 3, 4});
        ds.setString(Tag.PatientName, VR.PN, "A\u0001B^C");

        Element root = parse(write(ds, new DicomXmlWriter(BulkDataUriPolicy.aboveThreshold(1024,
                "https://pacs.example.cn/dicomweb/studies/1/series/2/instances/3/bulkdata/{path}"))))
                .getDocumentElement();

        assertThat(((Element) attribute(root, "7FE00010").getElementsByTagName("BulkData").item(0))
                .getAttribute("URI")).isEqualTo("https://pacs.example.cn/dicomweb/studies/1/series/2/instances/3"
                + "/bulkdata/7FE00010");
        assertThat(attribute(root, "00420011").getElementsByTagName("InlineBinary").item(0).getTextContent())
                .isEqualTo("AQIDBA==");
        // a control character XML cannot carry does not make the document unreadable
        assertThat(text(attribute(root, "00100010"), "Alphabetic", "FamilyName")).isEqualTo("A\uFFFDB");
    }

    private static byte[] write(Dataset ds, DicomXmlWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(ds, out);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element attribute(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("DicomAttribute") && e.getAttribute("tag")
                    .equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no attribute " + tag);
    }

    private static String text(Element attribute, String group, String component) {
        Element g = (Element) attribute.getElementsByTagNameNS("*", group).item(0);
        return g.getElementsByTagNameNS("*", component).item(0).getTextContent();
    }

    /**
     * One line per attribute, nested items included: path, VR and values, person names by group and component,
     * binary values as present; numbers of FL/FD compared as numbers (the two spell them differently).
     */
    private static List<String> canonical(Document doc) {
        List<String> lines = new ArrayList<>();
        canonical(doc.getDocumentElement(), "", lines);
        return lines;
    }

    private static void canonical(Element dataset, String path, List<String> lines) {
        for (Node n = dataset.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element attr) || !attr.getLocalName().equals("DicomAttribute")) {
                continue;
            }
            String tag = attr.getAttribute("tag");
            String vr = attr.getAttribute("vr");
            StringBuilder line = new StringBuilder(path).append(tag).append(' ').append(vr)
                    .append(attr.hasAttribute("privateCreator") ? " [" + attr.getAttribute("privateCreator") + "]"
                            : "");
            List<Element> items = new ArrayList<>();
            for (Node v = attr.getFirstChild(); v != null; v = v.getNextSibling()) {
                if (!(v instanceof Element value)) {
                    continue;
                }
                switch (value.getLocalName()) {
                    case "Value" -> line.append(" |").append(number(vr, value.getTextContent()));
                    case "PersonName" -> line.append(" |").append(personName(value));
                    case "BulkData", "InlineBinary" -> line.append(" binary");
                    case "Item" -> items.add(value);
                    default -> line.append(" ?").append(value.getLocalName());
                }
            }
            lines.add(line.toString());
            for (Element item : items) {
                canonical(item, path + tag + "/" + item.getAttribute("number") + "/", lines);
            }
        }
    }

    private static String number(String vr, String text) {
        return vr.equals("FL") || vr.equals("FD") ? Double.toString(Double.parseDouble(text.replace("INF",
                "Infinity"))) : text;
    }

    /**
     * DCMTK 3.6.7 repeats the Ideographic group as Phonetic when the value has an empty Phonetic group
     * ({@code Wang^XiaoDong=王^小東=} in chrX1): a Phonetic group equal to the Ideographic one is left out.
     */
    private static String personName(Element pn) {
        java.util.Map<String, String> groups = new java.util.LinkedHashMap<>();
        for (Node g = pn.getFirstChild(); g != null; g = g.getNextSibling()) {
            if (g instanceof Element group) {
                StringBuilder s = new StringBuilder();
                for (Node c = group.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element component) {
                        s.append(component.getLocalName()).append('=').append(component.getTextContent())
                                .append(';');
                    }
                }
                groups.put(group.getLocalName(), s.toString());
            }
        }
        if (groups.containsKey("Phonetic") && groups.get("Phonetic").equals(groups.get("Ideographic"))) {
            groups.remove("Phonetic");
        }
        StringBuilder s = new StringBuilder();
        groups.forEach((group, components) -> s.append(group).append('{').append(components).append('}'));
        return s.toString();
    }
}
