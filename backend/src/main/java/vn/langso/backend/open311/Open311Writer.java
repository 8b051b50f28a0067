package vn.langso.backend.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one Open311 response tree (maps with ordered keys, lists and scalars) as JSON or as XML, so that both
 * formats carry the same content. In XML a list becomes repeated elements named by {@link #ITEM_NAMES}, and null
 * becomes an empty element.
 */
final class Open311Writer {

    /** Element names of the items of each list, as GeoReport v2 shows them. */
    static final Map<String, String> ITEM_NAMES = Map.of(
            "services", "service", "service_requests", "request", "errors", "error", "attributes", "attribute",
            "values", "value", "endpoints", "endpoint", "formats", "format");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Open311Writer() {
    }

    static String json(Object tree) {
        return JSON.writeValueAsString(tree);
    }

    /** Writes the tree under a root element; a list root repeats its item element. */
    static String xml(String rootName, Object tree) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            element(writer, rootName, tree);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Failed to write an Open311 XML response", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(writer, String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String itemName = ITEM_NAMES.getOrDefault(name, "item");
            for (Object item : list) {
                element(writer, itemName, item);
            }
        } else if (value != null) {
            writer.writeCharacters(String.valueOf(value));
        }
        writer.writeEndElement();
    }
}
