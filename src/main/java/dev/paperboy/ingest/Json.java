package dev.paperboy.ingest;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Reading fields of untrusted JSON: a wrong type is a {@link BadRecord}, never a crash. */
final class Json {

  private Json() {}

  /** A string field, or null when absent; a non-string value is a bad record. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new BadRecord(field + " must be a string, not " + value.getNodeType());
    }
    return value.asString();
  }

  static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new BadRecord(field + " must be an array, not " + value.getNodeType());
    }
    return value.valueStream().toList();
  }

  /** An array element that must be a string. */
  static String string(JsonNode value) {
    if (!value.isString()) {
      throw new BadRecord("expected a string, not " + value.getNodeType());
    }
    return value.asString().strip();
  }

  static String describe(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return e.getOriginalMessage().lines().findFirst().orElse("unreadable") + where;
  }
}
