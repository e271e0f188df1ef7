package dev.paperboy.sources;

import dev.paperboy.ingest.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Quick looks at a response body before it is imported. */
final class Bodies {

  private Bodies() {}

  /** A 200 that is really an error page from a proxy or a maintenance screen. */
  static boolean isHtml(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  /** The control elements of an OAI-PMH page: its error and its resumption token. */
  record OaiPage(String errorCode, String errorMessage, String token, boolean hasToken) {}

  static OaiPage oai(byte[] body) {
    String code = null;
    String message = null;
    String token = null;
    boolean hasToken = false;
    try {
      XMLStreamReader r = SafeXml.open(new ByteArrayInputStream(body));
      while (r.hasNext()) {
        if (r.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (r.getLocalName().equals("error")) {
          code = r.getAttributeValue(null, "code");
          message = r.getElementText().strip();
        } else if (r.getLocalName().equals("resumptionToken")) {
          hasToken = true;
          token = r.getElementText().strip();
        }
      }
    } catch (XMLStreamException e) {
      // A broken page: the importer reports where it broke; the token, if any, was read.
    }
    return new OaiPage(code, message, token == null || token.isEmpty() ? null : token, hasToken);
  }
}
