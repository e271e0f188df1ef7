package dev.paperboy.ingest;

import dev.paperboy.catalog.Paper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks an XML file and hands each element of interest (an Atom entry, an OAI record, an OAI error)
 * to a handler, one at a time. Malformed XML ends the walk with one rejection that says where;
 * whatever was handled before it stays imported.
 */
final class XmlRecords {

  /** Handles one element of interest; {@code ordinal} counts elements of that name from 1. */
  interface Handler {
    void handle(XmlNode node, int ordinal);
  }

  private XmlRecords() {}

  /**
   * Reads every {@code name} element as one paper; one that cannot be read is rejected by its
   * position ("item 3") and the walk goes on.
   */
  static void papers(
      InputStream in, String name, Function<XmlNode, Paper> toPaper, RecordSink sink) {
    walk(
        in,
        Set.of(name),
        (node, n) -> {
          String position = name + " " + n;
          try {
            sink.accept(position, toPaper.apply(node), List.of());
          } catch (BadRecord e) {
            sink.reject(position, e.getMessage());
          }
        },
        sink);
  }

  static void walk(InputStream in, Set<String> names, Handler handler, RecordSink sink) {
    Map<String, Integer> seen = new HashMap<>();
    String last = "start of file";
    try {
      XMLStreamReader r = SafeXml.open(in);
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          sink.stopped(
              "document type",
              "DOCTYPE declarations are refused (they enable XXE and entity-expansion attacks);"
                  + " nothing in this file was imported");
          return;
        }
        if (event == XMLStreamConstants.START_ELEMENT && names.contains(r.getLocalName())) {
          String name = r.getLocalName();
          XmlNode node = XmlNode.read(r);
          int ordinal = seen.merge(name, 1, Integer::sum);
          last = name + " " + ordinal;
          handler.handle(node, ordinal);
        }
      }
    } catch (XMLStreamException e) {
      sink.stopped(
          "after " + last,
          "XML is malformed or truncated ("
              + describe(e)
              + "); the rest"
              + " of the file was skipped");
    }
  }

  /** "line 3, column 5: The element type ... must be terminated", without the JDK's framing. */
  private static String describe(XMLStreamException e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    // The JDK frames its message as "ParseError at [row,col]:[3,5]\nMessage: ...".
    int framed = message.indexOf("Message:");
    String reason =
        (framed >= 0 ? message.substring(framed + "Message:".length()) : message)
            .replaceAll("\\s+", " ")
            .strip();
    Location at = e.getLocation();
    return at == null || at.getLineNumber() < 1
        ? reason
        : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + reason;
  }
}
