package chuan.config.files;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XML configuration (Tomcat's {@code server.xml}, a {@code web.xml}) asked by XPath: every node
 * the expression selects is one scope, with the line of its element. The file is parsed with no
 * external entity, no external DTD or schema and no XInclude: an audited file can never make chuan
 * read another file or reach the network. Namespaces are ignored, so {@code //servlet} finds a
 * {@code web.xml}'s servlets whatever its schema version.
 */
public final class XmlFile extends ReadConfig {

    private static final String LINE = "chuan.line";
    /** Elements nested deeper than this are refused as malformed (as JSON and YAML beyond Jackson's 1,000). */
    static final int MAX_DEPTH = 1000;

    private final String file;
    private final Document document;

    private XmlFile(String file, Document document) {
        super(file);
        filesRead.add(file);
        this.file = file;
        this.document = document;
    }

    /** What is wrong with an XPath key: it must compile and select nodes (not a number or text). */
    static Optional<String> keyProblem(String expression) {
        try {
            Document empty = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            empty.appendChild(empty.createElement("x"));
            XPathFactory.newInstance().newXPath().compile(expression).evaluate(empty, XPathConstants.NODESET);
            return Optional.empty();
        } catch (XPathExpressionException | ParserConfigurationException e) {
            return Optional.of("an xml key is an XPath expression that selects nodes, and this is not one");
        }
    }

    static XmlFile parse(String file, String text) {
        try {
            return new XmlFile(file, build(text));
        } catch (SAXParseException e) {
            XmlFile broken = new XmlFile(file, null);
            broken.problems.add(ConfigProblem.malformed(file, Math.max(e.getLineNumber(), 0), e.getMessage()));
            return broken;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            XmlFile broken = new XmlFile(file, null);
            broken.problems.add(ConfigProblem.malformed(file, 0, e.getMessage()));
            return broken;
        }
    }

    /** SAX into a DOM, so that each element keeps the line it starts on. */
    private static Document build(String text) throws ParserConfigurationException, SAXException, IOException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = f.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        parser.parse(new InputSource(new StringReader(text)), new DefaultHandler() {
            private Locator locator;
            private final Deque<Node> open = new ArrayDeque<>(List.of(doc));
            private final StringBuilder chars = new StringBuilder();

            @Override
            public void setDocumentLocator(Locator l) {
                locator = l;
            }

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) throws SAXParseException {
                if (open.size() > MAX_DEPTH) {
                    // the DOM's own walks (text content, XPath) recurse once per level: refused before they overflow
                    throw new SAXParseException("elements nested deeper than " + MAX_DEPTH, locator);
                }
                flush();
                Element e = doc.createElement(qName);
                for (int i = 0; i < atts.getLength(); i++) {
                    e.setAttribute(atts.getQName(i), atts.getValue(i));
                }
                e.setUserData(LINE, locator.getLineNumber(), null);
                open.peek().appendChild(e);
                open.push(e);
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                flush();
                open.pop();
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                chars.append(ch, start, length);
            }

            @Override
            public org.xml.sax.InputSource resolveEntity(String publicId, String systemId) {
                return new InputSource(new StringReader("")); // never fetch: an external entity reads as nothing
            }

            private void flush() {
                if (chars.length() > 0 && open.peek() != doc) {
                    open.peek().appendChild(doc.createTextNode(chars.toString()));
                }
                chars.setLength(0);
            }
        });
        return doc;
    }

    @Override
    public List<Scoped> lookup(String xpath) {
        if (document == null) {
            return List.of();
        }
        NodeList nodes;
        try {
            XPathFactory xf = XPathFactory.newInstance();
            xf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XPath x = xf.newXPath();
            nodes = (NodeList) x.evaluate(xpath, document, XPathConstants.NODESET);
        } catch (XPathExpressionException | XPathFactoryConfigurationException e) {
            throw new IllegalArgumentException("not a valid XPath expression: " + xpath);
        }
        if (nodes.getLength() == 0) {
            return List.of(new Scoped(null, new EffectiveSetting(xpath, null, null, List.of())));
        }
        List<Scoped> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            Element owner = n instanceof Attr a ? a.getOwnerElement() : n instanceof Element e ? e : (Element) n.getParentNode();
            Object line = owner == null ? null : owner.getUserData(LINE);
            String value = n instanceof Attr a ? a.getValue() : n.getTextContent().strip();
            Directive d = new Directive(n.getNodeName(), value, file, line instanceof Integer l ? l : 1);
            out.add(new Scoped(nodes.getLength() > 1 && owner != null ? "<" + owner.getNodeName() + "> (" + d.origin() + ")" : null,
                    new EffectiveSetting(xpath, value, d, List.of())));
        }
        return out;
    }



}
