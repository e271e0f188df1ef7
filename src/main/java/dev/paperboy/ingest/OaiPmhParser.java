package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * OAI-PMH {@code ListRecords} and {@code GetRecord} responses, with metadata in arXiv's {@code
 * arXiv} format (structured authors, one set of dates) or {@code arXivRaw} (authors as one string,
 * every version with its date), or in any repository's {@code oai_dc} ({@link DublinCore}). Deleted
 * records are skipped with a note; an OAI error is reported by its code, and {@code noRecordsMatch}
 * simply means an empty list.
 */
final class OaiPmhParser implements FeedParser {

  @Override
  public void parse(InputStream in, RecordSink sink) {
    XmlRecords.walk(
        in,
        Set.of("record", "error", "resumptionToken"),
        (node, n) -> {
          switch (node.name()) {
            case "record" -> record(node, n, sink);
            case "error" -> error(node, sink);
            default -> resumption(node, sink);
          }
        },
        sink);
  }

  private static void record(XmlNode record, int n, RecordSink sink) {
    String position = "record " + n;
    XmlNode header = record.child("header").orElse(null);
    if (header != null && "deleted".equals(header.attribute("status"))) {
      sink.note(position + ": " + header.text("identifier") + " is marked deleted; skipped");
      return;
    }
    try {
      XmlNode metadata =
          record
              .child("metadata")
              .flatMap(m -> m.children().stream().findFirst())
              .orElseThrow(() -> new BadRecord("record has no metadata"));
      Paper paper =
          switch (metadata.name()) {
            case "arXiv" -> fromArxiv(metadata);
            case "arXivRaw" -> fromArxivRaw(metadata);
            case "dc" -> DublinCore.toPaper(metadata);
            default ->
                throw new BadRecord(
                    "metadata format <" + metadata.name() + "> is not arXiv, arXivRaw or oai_dc");
          };
      sink.accept(position, paper, List.of());
    } catch (BadRecord e) {
      sink.reject(position, e.getMessage());
    }
  }

  private static void error(XmlNode error, RecordSink sink) {
    String code = error.attribute("code");
    if ("noRecordsMatch".equals(code)) {
      sink.note("the OAI-PMH response says noRecordsMatch: no records in this response");
    } else {
      sink.reject("OAI-PMH error", code + ": " + Fields.clean(error.text()));
    }
  }

  private static void resumption(XmlNode token, RecordSink sink) {
    String value = Fields.clean(token.text());
    if (value != null) {
      sink.note("the list continues at the source (resumptionToken " + value + ")");
    }
  }

  private static PaperId.Versioned id(XmlNode metadata) {
    String text = Fields.required(metadata.text("id"), "id");
    return PaperId.parseArxiv(text)
        .orElseThrow(() -> new BadRecord("id is not an arXiv id: \"" + text + "\""));
  }

  private static Paper fromArxiv(XmlNode m) {
    PaperId.Versioned id = id(m);
    List<Author> authors =
        m.child("authors").map(a -> a.all("author")).orElse(List.of()).stream()
            .map(OaiPmhParser::structuredAuthor)
            .toList();
    return paper(
        m,
        id,
        authors,
        Dates.parse(m.text("created"), "created"),
        Dates.parse(m.text("updated"), "updated"));
  }

  private static Author structuredAuthor(XmlNode a) {
    String name =
        String.join(
            " ",
            Arrays.stream(new String[] {a.text("forenames"), a.text("keyname"), a.text("suffix")})
                .map(Fields::clean)
                .filter(s -> s != null)
                .toList());
    return new Author(
        Fields.required(name, "author name"),
        a.all("affiliation").stream().map(x -> Fields.clean(x.text())).toList());
  }

  private static Paper fromArxivRaw(XmlNode m) {
    PaperId.Versioned bare = id(m);
    List<XmlNode> versions = m.all("version");
    int latest = versions.stream().mapToInt(OaiPmhParser::versionNumber).max().orElse(1);
    LocalDate first = versions.isEmpty() ? null : Dates.parse(versions.get(0).text("date"), "date");
    LocalDate last =
        versions.size() < 2
            ? null
            : Dates.parse(versions.get(versions.size() - 1).text("date"), "date");
    PaperId.Versioned id = new PaperId.Versioned(bare.id(), versions.isEmpty() ? null : latest);
    return paper(m, id, AuthorList.parse(m.text("authors")), first, last);
  }

  private static int versionNumber(XmlNode version) {
    return Fields.versionNumber(version.attribute("version"));
  }

  private static Paper paper(
      XmlNode m,
      PaperId.Versioned id,
      List<Author> authors,
      LocalDate published,
      LocalDate updated) {
    List<String> categories =
        Arrays.stream(Fields.required(m.text("categories"), "categories").split("\\s+")).toList();
    return new Paper(
        id.id(),
        id.version(),
        Fields.title(m.text("title")),
        Fields.abstractText(m.text("abstract")),
        authors,
        categories.get(0),
        categories,
        published,
        updated,
        Fields.arxivLinks(id.id())
            .orElse(new dev.paperboy.catalog.Links(null, null, Fields.clean(m.text("doi")), null)),
        Fields.clean(m.text("comments")),
        Fields.clean(m.text("journal-ref")),
        List.of(ArxivAtomParser.SOURCE),
        null);
  }
}
