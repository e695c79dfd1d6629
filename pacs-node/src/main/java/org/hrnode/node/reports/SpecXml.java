package org.hrnode.node.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML payloads of the Xinjiang interface spec, read with the JDK's parser hardened against XXE (no DOCTYPE, no
 * external entities or schemas): {@code <root><section><item a="…"/>…</section></root>} records, and
 * {@code <root><field>value</field>…</root>} filters such as DeleteExamInfo's. Payloads are small (a report with its
 * PDF), so a DOM is fine.
 */
public final class SpecXml {

    private final Element root;

    private SpecXml(Element root) {
        this.root = root;
    }

    public static SpecXml parse(InputStream in) throws IOException {
        try {
            Document doc = builder().parse(in);
            Element root = doc.getDocumentElement();
            if (!root.getTagName().equals("root")) {
                throw new InvalidField("root", "the document element is <" + root.getTagName() + ">, not <root>");
            }
            return new SpecXml(root);
        } catch (SAXException e) {
            throw new InvalidField("xml", "not well-formed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature: " + e.getMessage(), e);
        }
    }

    /** The {@code <item>} records of section {@code <name>} (several sections of one name are joined). */
    public List<SpecRecord> items(String section) {
        List<SpecRecord> records = new ArrayList<>();
        for (Element s : children(root, section)) {
            for (Element item : children(s, "item")) {
                Map<String, String> fields = new LinkedHashMap<>();
                NamedNodeMap attributes = item.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    fields.put(a.getNodeName(), a.getNodeValue());
                }
                records.add(new SpecRecord(section + "[" + (records.size() + 1) + "]", fields));
            }
        }
        return records;
    }

    /** The root's child elements as one record of their text, e.g. DeleteExamInfo's filter. */
    public SpecRecord fields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : children(root, null)) {
            fields.put(e.getTagName(), e.getTextContent());
        }
        return new SpecRecord(name, fields);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && (name == null || e.getTagName().equalsIgnoreCase(name))) {
                out.add(e);
            }
        }
        return out;
    }
}
