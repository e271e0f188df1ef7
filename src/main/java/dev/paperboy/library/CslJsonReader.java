package dev.paperboy.library;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON libraries: CSL-JSON (an array of items with {@code title}, {@code DOI}, {@code URL}, and an
 * arXiv id in {@code number}, {@code note} or a custom {@code arxiv} field, as Zotero writes them;
 * a bare string in the array is taken as an id), or the API's {@code {"ids": [...]}}. Items are
 * read one at a time: JSON that breaks keeps the items before the break.
 */
final class CslJsonReader {

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(BibtexReader.MAX_VALUE)
                          .maxNestingDepth(64)
                          .build())
                  .build())
          .build();
  private static final List<String> NAMING =
      List.of("arxiv", "number", "DOI", "URL", "note", "archive_location", "container-title", "id");

  private CslJsonReader() {}

  static LibraryFile read(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        return object(p.readValueAsTree());
      }
      if (first == JsonToken.START_ARRAY) {
        return array(p);
      }
    } catch (JacksonException e) {
      throw new UnreadableLibrary("the JSON cannot be read: " + describe(e));
    }
    throw new UnreadableLibrary(
        "the JSON must be an array of CSL-JSON items or an object {\"ids\": [...]}");
  }

  /** {@code {"ids": [...]}}, or a single CSL-JSON item. */
  private static LibraryFile object(JsonNode node) {
    JsonNode ids = node.get("ids");
    if (ids == null) {
      LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.CSL_JSON);
      item(file, "item 1", node);
      return file.build();
    }
    if (!ids.isArray()) {
      throw new UnreadableLibrary("\"ids\" must be an array of arXiv ids or DOIs");
    }
    LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.ID_JSON);
    List<JsonNode> all = ids.valueStream().toList();
    for (int i = 0; i < all.size(); i++) {
      String position = "ids[" + i + "]";
      JsonNode id = all.get(i);
      if (id.isString()) {
        IdListReader.add(file, position, id.asString());
      } else {
        file.reject(position, "an id must be a string, not " + id.getNodeType());
      }
    }
    return file.build();
  }

  private static LibraryFile array(JsonParser p) {
    LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.CSL_JSON);
    int n = 0;
    try {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        String position = "item " + ++n;
        JsonNode item = p.readValueAsTree();
        if (item.isString()) {
          IdListReader.add(file, position, item.asString());
        } else if (item.isObject()) {
          item(file, position, item);
        } else {
          file.reject(position, "an item must be an object, not " + item.getNodeType());
        }
      }
    } catch (JacksonException e) {
      file.reject(
          "item " + Math.max(n, 1),
          "the JSON breaks here (" + describe(e) + "); the rest of the file was skipped");
    }
    return file.build();
  }

  private static void item(LibraryFile.Builder file, String position, JsonNode item) {
    String[] naming = NAMING.stream().map(f -> scalar(item, f)).toArray(String[]::new);
    file.add(LibraryEntry.of(position, scalar(item, "title"), naming));
  }

  /** A field as text when it is a string or a number; null otherwise. */
  private static String scalar(JsonNode item, String field) {
    JsonNode value = item.get(field);
    return value != null && (value.isString() || value.isNumber()) ? value.asString() : null;
  }

  /** Where and what, without the parser's internals: "line 3, column 7: unexpected ...". */
  static String describe(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    String first = message.lines().findFirst().orElse("unreadable").split("[(`]", 2)[0].strip();
    return (at == null || at.getLineNr() < 1
            ? ""
            : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
        + first;
  }
}
