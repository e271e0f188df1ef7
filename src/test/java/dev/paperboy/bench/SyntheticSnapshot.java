package dev.paperboy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The papers of {@link SyntheticCorpus} written twice: as the arXiv metadata snapshot distributed
 * on Kaggle (arXiv's field names, authors as one string and parsed, titles and abstracts wrapped
 * with hard line breaks and leading spaces as in the dump, every version with its RFC 1123 date),
 * and as our JSON Lines, so the two imports can be timed on the same papers. Usage: {@code
 * SyntheticSnapshot DIR SIZE} writes DIR/snapshot.json and DIR/papers.jsonl.
 */
final class SyntheticSnapshot {

  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

  private SyntheticSnapshot() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    SyntheticCorpus corpus = new SyntheticCorpus(ScaleBench.SEED, ScaleBench.LAST_DAY);
    JsonMapper json = JsonMapper.builder().build();
    try (BufferedWriter snapshot = writer(dir.resolve("snapshot.json"));
        BufferedWriter lines = writer(dir.resolve("papers.jsonl"))) {
      for (int i = 0; i < size; i++) {
        ObjectNode paper = corpus.paper(json, i, size);
        lines.write(json.writeValueAsString(paper));
        lines.write('\n');
        snapshot.write(json.writeValueAsString(snapshotLine(json, paper)));
        snapshot.write('\n');
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  static ObjectNode snapshotLine(JsonMapper json, ObjectNode p) {
    ObjectNode s = json.createObjectNode();
    s.put("id", p.get("id").asString());
    JsonNode authors = p.get("authors");
    s.put("submitter", authors.get(0).asString());
    StringBuilder names = new StringBuilder();
    ArrayNode parsed = json.createArrayNode();
    for (JsonNode a : authors) {
      String[] parts = a.asString().split(" ", 2);
      names.append(names.isEmpty() ? "" : ", ").append(a.asString());
      parsed.add(json.createArrayNode().add(parts[1]).add(parts[0]).add(""));
    }
    s.put("authors", names.toString());
    s.put("title", wrapped(p.get("title").asString(), "  "));
    s.put("comments", "12 pages, 4 figures");
    s.putNull("journal-ref");
    s.putNull("doi");
    s.putNull("report-no");
    StringBuilder categories = new StringBuilder();
    p.get("categories")
        .forEach(c -> categories.append(categories.isEmpty() ? "" : " ").append(c.asString()));
    s.put("categories", categories.toString());
    s.put("license", "http://creativecommons.org/licenses/by/4.0/");
    s.put("abstract", "  " + wrapped(p.get("abstract").asString(), "") + "\n");
    LocalDate published = LocalDate.parse(p.get("published").asString());
    ArrayNode versions = s.putArray("versions");
    int count = p.get("version").asInt();
    for (int v = 1; v <= count; v++) {
      versions.add(
          json.createObjectNode()
              .put("version", "v" + v)
              .put(
                  "created",
                  RFC_1123.format(
                      published
                          .plusDays(30L * (v - 1))
                          .atTime(17, 4, 9)
                          .atOffset(ZoneOffset.UTC))));
    }
    s.put("update_date", published.plusDays(30L * (count - 1)).toString());
    s.set("authors_parsed", parsed);
    return s;
  }

  /** arXiv's dump keeps the submitter's line breaks: about 75 characters, then "\n". */
  private static String wrapped(String text, String indent) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 60);
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + word.length() > 75) {
        out.append('\n').append(indent);
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }
}
