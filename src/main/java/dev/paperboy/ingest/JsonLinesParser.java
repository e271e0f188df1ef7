package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Our own JSON Lines format (docs/FORMATS.md): one JSON object per line, read by {@link JsonLines}.
 */
final class JsonLinesParser implements FeedParser {

  static final String SOURCE = "jsonl";

  @Override
  public void parse(InputStream in, RecordSink sink) throws IOException {
    new JsonLines(JsonLinesParser::toPaper).parse(in, sink);
  }

  private static Paper toPaper(JsonNode n) {
    String title = Fields.title(Json.text(n, "title"));
    String doi = Fields.clean(Json.text(n, "doi"));
    PaperId.Versioned id = identity(Json.text(n, "id"), doi, title);
    Integer version = id.version();
    if (n.path("version").isInt()) {
      version = Fields.version(n.get("version").asInt());
    }
    List<String> categories = Json.array(n, "categories").stream().map(Json::string).toList();
    String primary = Fields.clean(Json.text(n, "primary_category"));
    Links links =
        new Links(
            Fields.clean(Json.text(n, "abstract_url")),
            Fields.clean(Json.text(n, "pdf_url")),
            doi,
            Fields.clean(Json.text(n, "code_url")),
            Fields.clean(Json.text(n, "project_url")));
    return new Paper(
        id.id(),
        version,
        title,
        Fields.abstractText(Json.text(n, "abstract")),
        authors(n),
        primary != null ? primary : categories.stream().findFirst().orElse(null),
        categories,
        Dates.parse(Json.text(n, "published"), "published"),
        Dates.parse(Json.text(n, "updated"), "updated"),
        id.id().isArxiv() ? links.orElse(Fields.arxivLinks(id.id())) : links,
        Fields.clean(Json.text(n, "comment")),
        Fields.clean(Json.text(n, "journal_ref")),
        List.of(SOURCE),
        null);
  }

  private static PaperId.Versioned identity(String id, String doi, String title) {
    if (id != null && !id.isBlank()) {
      return PaperId.parseArxiv(id)
          .or(() -> PaperId.parse(id).map(p -> new PaperId.Versioned(p, null)))
          .orElseThrow(() -> new BadRecord("id is neither an arXiv id nor a DOI: \"" + id + "\""));
    }
    if (doi != null) {
      return PaperId.parseDoi(doi)
          .map(p -> new PaperId.Versioned(p, null))
          .orElseThrow(() -> new BadRecord("doi is not a DOI: \"" + doi + "\""));
    }
    return new PaperId.Versioned(PaperId.fromTitle(title), null);
  }

  private static List<Author> authors(JsonNode n) {
    List<Author> authors = new ArrayList<>();
    for (JsonNode a : Json.array(n, "authors")) {
      if (a.isString()) {
        authors.add(Author.named(Fields.required(a.asString(), "author name")));
      } else if (a.isObject()) {
        List<String> affiliations =
            Json.array(a, "affiliations").stream().map(Json::string).toList();
        authors.add(new Author(Fields.required(Json.text(a, "name"), "author name"), affiliations));
      } else {
        throw new BadRecord("each author must be a string or an object with a name");
      }
    }
    return authors;
  }
}
