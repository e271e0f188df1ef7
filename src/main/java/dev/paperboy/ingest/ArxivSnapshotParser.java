package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The arXiv metadata snapshot distributed on Kaggle ({@code arxiv-metadata-oai-snapshot.json}): one
 * JSON object per line with arXiv's own field names, categories as one space-separated string
 * (primary first), authors both as one string and parsed into {@code [last, first, suffix]}, and
 * every version with its RFC 1123 date. It is the bulk path (millions of lines), so it streams
 * through {@link JsonLines}.
 */
final class ArxivSnapshotParser implements FeedParser {

  @Override
  public void parse(InputStream in, RecordSink sink) throws IOException {
    new JsonLines(ArxivSnapshotParser::toPaper).parse(in, sink);
  }

  private static Paper toPaper(JsonNode n) {
    String idText = Fields.required(Json.text(n, "id"), "id");
    PaperId id =
        PaperId.parseArxiv(idText)
            .map(PaperId.Versioned::id)
            .orElseThrow(() -> new BadRecord("id is not an arXiv id: \"" + idText + "\""));
    List<JsonNode> versions = Json.array(n, "versions");
    List<String> categories =
        Arrays.stream(Fields.required(Json.text(n, "categories"), "categories").split(" "))
            .filter(c -> !c.isEmpty())
            .toList();
    return new Paper(
        id,
        versions.isEmpty()
            ? null
            : Fields.versionNumber(Json.text(versions.get(versions.size() - 1), "version")),
        Fields.title(Json.text(n, "title")),
        Fields.abstractText(Json.text(n, "abstract")),
        authors(n),
        categories.get(0),
        categories,
        versions.isEmpty() ? null : created(versions.get(0)),
        versions.isEmpty()
            ? Dates.parse(Json.text(n, "update_date"), "update_date")
            : created(versions.get(versions.size() - 1)),
        Fields.arxivLinks(id)
            .orElse(new Links(null, null, Fields.clean(Json.text(n, "doi")), null)),
        Fields.clean(Json.text(n, "comments")),
        Fields.clean(Json.text(n, "journal-ref")),
        List.of(ArxivAtomParser.SOURCE),
        null);
  }

  private static LocalDate created(JsonNode version) {
    return Dates.parse(Json.text(version, "created"), "versions.created");
  }

  /** "First Last Suffix" from {@code authors_parsed}; the one-string list when that is absent. */
  private static List<Author> authors(JsonNode n) {
    List<JsonNode> parsed = Json.array(n, "authors_parsed");
    if (parsed.isEmpty()) {
      return AuthorList.parse(Json.text(n, "authors"));
    }
    List<Author> authors = new ArrayList<>(parsed.size());
    for (JsonNode parts : parsed) {
      if (!parts.isArray()) {
        throw new BadRecord("authors_parsed must hold arrays of [last, first, suffix]");
      }
      String name =
          String.join(
              " ",
              java.util.stream.Stream.of(part(parts, 1), part(parts, 0), part(parts, 2))
                  .filter(Objects::nonNull)
                  .toList());
      if (!name.isEmpty()) {
        authors.add(Author.named(name));
      }
    }
    return authors;
  }

  private static String part(JsonNode parts, int i) {
    JsonNode p = parts.get(i);
    return p == null || !p.isString() ? null : Fields.clean(p.asString());
  }
}
