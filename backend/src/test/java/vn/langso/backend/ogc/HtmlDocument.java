package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * An HTML page of the OGC API parsed by the JDK's XML parser. The pages are written as polyglot markup, so a strict
 * XML parse checks that every element is closed and every character escaped, which a lenient HTML parser would
 * repair silently.
 */
final class HtmlDocument {

    private final Document document;

    private HtmlDocument(Document document) {
        this.document = document;
    }

    /** Parses {@code html}, failing the test with the parser's message when it is not well-formed. */
    static HtmlDocument parse(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new HtmlDocument(builder.parse(new InputSource(new StringReader(html))));
        } catch (SAXException e) {
            return fail("The page is not well-formed: " + e.getMessage() + "\n" + html);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("Cannot parse the page: " + e.getMessage(), e);
        }
    }

    Element root() {
        return document.getDocumentElement();
    }

    /** Returns the elements with this tag name, in document order. */
    List<Element> elements(String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Returns the text of the first element with this tag name. */
    String text(String tag) {
        List<Element> elements = elements(tag);
        assertThat(elements).as("<%s> elements", tag).isNotEmpty();
        return elements.getFirst().getTextContent();
    }

    /** Returns the href of every link, in document order. */
    List<String> hrefs() {
        return elements("a").stream().map(link -> link.getAttribute("href")).toList();
    }

    /** Returns the href of the first link whose text contains {@code text}, or null. */
    String hrefOf(String text) {
        return elements("a").stream()
                .filter(link -> link.getTextContent().contains(text))
                .map(link -> link.getAttribute("href"))
                .findFirst()
                .orElse(null);
    }

    /** Returns the text of each cell of the body rows of the first table, row by row. */
    List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        Element body = (Element) elements("tbody").getFirst();
        NodeList rowNodes = body.getElementsByTagName("tr");
        for (int i = 0; i < rowNodes.getLength(); i++) {
            Element row = (Element) rowNodes.item(i);
            List<String> cells = new ArrayList<>();
            NodeList children = row.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element cell) {
                    cells.add(cell.getTextContent());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Returns the header texts of the first table. */
    List<String> tableHeaders() {
        Element head = (Element) elements("thead").getFirst();
        NodeList headers = head.getElementsByTagName("th");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < headers.getLength(); i++) {
            texts.add(headers.item(i).getTextContent());
        }
        return texts;
    }
}
