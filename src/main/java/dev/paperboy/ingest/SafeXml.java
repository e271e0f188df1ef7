package dev.paperboy.ingest;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that cannot be turned against us: no DTDs (so no external entities, XXE, and no
 * entity-expansion bombs), no external resolution, and invalid UTF-8 decoded as U+FFFD so the
 * affected record can be rejected on its own instead of killing the whole file.
 */
public final class SafeXml {

  private static final XMLInputFactory FACTORY = newFactory();

  private SafeXml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    // Not coalescing: text arrives in pieces, so a 300 MB field can be refused as it streams
    // instead of being built whole first (XmlNode caps what it keeps).
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver(
        (publicId, systemId, base, ns) -> {
          throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
    return f;
  }

  public static XMLStreamReader open(InputStream in) throws XMLStreamException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return FACTORY.createXMLStreamReader(new InputStreamReader(in, decoder));
  }
}
