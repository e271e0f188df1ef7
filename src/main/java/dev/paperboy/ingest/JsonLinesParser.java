package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own JSON Lines format (docs/FORMATS.md): one JSON object per line. Each line stands alone, so
 * a broken line — bad JSON, invalid UTF-8, a wrong field — is rejected and the next is read.
 */
final class JsonLinesParser implements FeedParser {

  static final String SOURCE = "jsonl";
  private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private final JsonMapper json;

  JsonLinesParser(JsonMapper json) {
    this.json = json;
  }

  /**
   * Splits the stream into lines a buffer at a time (not a byte at a time: a synchronized read per
   * byte was most of the parse). A line longer than the limit is rejected without being kept.
   */
  @Override
  public void parse(InputStream in, RecordSink sink) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int number = 0;
    boolean tooLong = false;
    int read;
    while ((read = in.read(buffer)) != -1) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          tooLong = append(line, buffer, start, i - start, tooLong);
          number++;
          finish(line, tooLong, number, sink);
          tooLong = false;
          start = i + 1;
        }
      }
      tooLong = append(line, buffer, start, read - start, tooLong);
    }
    if (line.size() > 0 || tooLong) {
      finish(line, tooLong, number + 1, sink);
    }
  }

  /** Adds bytes to the line unless it is already too long; returns whether it is. */
  private static boolean append(
      ByteArrayOutputStream line, byte[] bytes, int from, int length, boolean tooLong) {
    if (tooLong || line.size() + length > MAX_LINE_BYTES) {
      line.reset();
      return true;
    }
    line.write(bytes, from, length);
    return false;
  }

  private void finish(ByteArrayOutputStream line, boolean tooLong, int number, RecordSink sink) {
    if (tooLong) {
      sink.reject("line " + number, "line is longer than " + MAX_LINE_BYTES + " bytes");
    } else {
      line(line.toByteArray(), "line " + number, sink);
    }
    line.reset();
  }

  private void line(byte[] bytes, String position, RecordSink sink) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      sink.reject(position, "line is not valid UTF-8");
      return;
    }
    if (text.isBlank()) {
      return;
    }
    try {
      JsonNode node = json.readTree(text);
      if (!node.isObject()) {
        throw new BadRecord("line must be a JSON object");
      }
      sink.accept(position, toPaper(node), List.of());
    } catch (JacksonException e) {
      sink.reject(position, "line is not valid JSON (" + Json.describe(e) + ")");
    } catch (BadRecord e) {
      sink.reject(position, e.getMessage());
    }
  }

  private static Paper toPaper(JsonNode n) {
    String title = Fields.title(Json.text(n, "title"));
    String doi = Fields.clean(Json.text(n, "doi"));
    PaperId.Versioned id = identity(Json.text(n, "id"), doi, title);
    Integer version = id.version();
    if (n.path("version").isInt()) {
      version = n.get("version").asInt();
    }
    List<String> categories = Json.array(n, "categories").stream().map(Json::string).toList();
    String primary = Fields.clean(Json.text(n, "primary_category"));
    Links links =
        new Links(
            Fields.clean(Json.text(n, "abstract_url")),
            Fields.clean(Json.text(n, "pdf_url")),
            doi,
            Fields.clean(Json.text(n, "code_url")));
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
