package dev.paperboy.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading untrusted JSON: one mapper whose limits every JSON format shares, fields whose wrong type
 * is a {@link BadRecord} (never a crash), and parse errors told in the user's words.
 */
final class Json {

  /** No string is read past {@link Fields#MAX_FIELD_CHARS}: a huge title fails as it streams. */
  static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(Fields.MAX_FIELD_CHARS)
                          .build())
                  .build())
          .build();

  private static final Pattern UNEXPECTED =
      Pattern.compile("^Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\)");
  private static final Pattern CONTROL =
      Pattern.compile("^Illegal unquoted character.*code (\\d+)");
  private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']{1,40})");

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

  /**
   * What is wrong with the JSON, without the parser's internals: "unexpected character 'x' at line
   * 1, column 12". {@code withLine} is false where each line is its own document (JSON Lines).
   */
  static String describe(JacksonException e, boolean withLine) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getColumnNr() < 1
            ? ""
            : withLine
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : " at column " + at.getColumnNr();
    return problem(e) + where;
  }

  private static String problem(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return String.format("a value is longer than %,d characters", Fields.MAX_FIELD_CHARS);
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    Matcher match;
    if ((match = CONTROL.matcher(m)).find()) {
      return "a control character (code " + match.group(1) + ") that is not escaped";
    }
    if ((match = UNEXPECTED.matcher(m)).find()) {
      int code = Integer.parseInt(match.group(2));
      return code < 32
          ? "unexpected control character (code " + code + ")"
          : "unexpected character '" + match.group(1) + "'";
    }
    if ((match = TOKEN.matcher(m)).find()) {
      String token = match.group(1);
      return (token.length() == 1 ? "unexpected character '" : "unexpected word '") + token + "'";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "it ends before the JSON is complete";
    }
    // Anything else: the parser's first clause, without its hints about its own settings.
    String first = m.lines().findFirst().orElse("unreadable").split("[:(`]", 2)[0].strip();
    return first.isEmpty()
        ? "unreadable"
        : Character.toLowerCase(first.charAt(0)) + first.substring(1);
  }
}
