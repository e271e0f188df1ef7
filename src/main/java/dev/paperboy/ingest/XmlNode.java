package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One record's element subtree, read from a stream: a file of 10,000 records is read one record at
 * a time, and each record is small enough to hold whole. Depth, breadth and the text of each
 * element are capped so a hostile record cannot exhaust memory: text past {@link
 * Fields#MAX_FIELD_CHARS} is not kept, and reading it is a {@link BadRecord} for that record alone.
 */
record XmlNode(
    String name,
    Map<String, String> attributes,
    String text,
    List<XmlNode> children,
    boolean oversized) {

  private static final int MAX_DEPTH = 32;
  private static final int MAX_CHILDREN = 20_000;

  /** This element's text; a field over the cap rejects the record that reads it. */
  @Override
  public String text() {
    if (oversized) {
      throw new BadRecord(
          String.format("%s is longer than %,d characters", name, Fields.MAX_FIELD_CHARS));
    }
    return text;
  }

  /** Reads the element the reader stands on (START_ELEMENT) up to its end tag. */
  static XmlNode read(XMLStreamReader r) throws XMLStreamException {
    return read(r, 0);
  }

  private static XmlNode read(XMLStreamReader r, int depth) throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, r.getLocation());
    }
    String name = r.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    boolean oversized = false;
    List<XmlNode> children = new ArrayList<>();
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (children.size() >= MAX_CHILDREN) {
            throw new XMLStreamException(
                "more than " + MAX_CHILDREN + " children", r.getLocation());
          }
          children.add(read(r, depth + 1));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            oversized = oversized || !appendWithinCap(text, r);
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XMLStreamException(
                "entity references are not allowed: &" + r.getLocalName() + ";", r.getLocation());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlNode(name, attributes, text.toString(), children, oversized);
        }
        default -> {
          // comments and processing instructions carry nothing we import
        }
      }
    }
  }

  /** Appends the reader's text unless the field would pass the cap; then drops what it kept. */
  private static boolean appendWithinCap(StringBuilder text, XMLStreamReader r) {
    if (text.length() + r.getTextLength() > Fields.MAX_FIELD_CHARS) {
      text.setLength(0);
      text.trimToSize();
      return false;
    }
    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
    return true;
  }

  Optional<XmlNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  List<XmlNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The text of the first child with this name, or null. */
  String text(String childName) {
    return child(childName).map(XmlNode::text).orElse(null);
  }

  String attribute(String attributeName) {
    return attributes.get(attributeName);
  }
}
