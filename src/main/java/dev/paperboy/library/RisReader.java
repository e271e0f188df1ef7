package dev.paperboy.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RIS, the tagged line format of EndNote, Zotero, Mendeley and most publishers: each line is a
 * two-character tag, two spaces, a hyphen and a space, then the value; a record runs from {@code
 * TY} to {@code ER}. A line without a tag continues the value before it (some writers wrap
 * abstracts). A record without its {@code ER} is reported and skipped.
 */
final class RisReader {

  private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])  -(?: (.*))?$");
  private static final List<String> TITLE = List.of("TI", "T1", "CT");
  // Where exports put an arXiv id or DOI: its own tag, links, notes, and the journal field in
  // which arXiv preprints often say "arXiv preprint arXiv:...".
  private static final List<String> NAMING =
      List.of("DO", "UR", "L1", "L2", "L3", "N1", "M1", "M3", "AN", "JO", "JF", "T2");

  private final LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.RIS);
  private Map<String, List<String>> fields;
  private String position;
  private String lastTag;
  private int count;

  private RisReader() {}

  static LibraryFile read(String text) {
    RisReader reader = new RisReader();
    String[] lines = text.split("\\r\\n|\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      reader.line(i + 1, lines[i].stripTrailing());
    }
    return reader.end();
  }

  private void line(int number, String line) {
    if (line.isBlank()) {
      return;
    }
    Matcher m = TAG.matcher(line);
    if (!m.matches()) {
      if (fields != null && lastTag != null) {
        List<String> values = fields.get(lastTag);
        values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
      } else {
        file.reject("line " + number, "expected a tag line such as \"TY  - JOUR\"");
      }
      return;
    }
    tag(number, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
  }

  private void tag(int number, String tag, String value) {
    if (tag.equals("TY")) {
      if (fields != null) {
        file.reject(position, "it has no ER line before the next TY (line " + number + ")");
      }
      fields = new HashMap<>();
      position = "record " + ++count + ", line " + number;
      lastTag = null;
    } else if (fields == null) {
      file.reject(
          "line " + number, "a " + tag + " line outside a record (a record starts with TY)");
    } else if (tag.equals("ER")) {
      file.add(entry());
      fields = null;
    } else {
      fields.computeIfAbsent(tag, t -> new ArrayList<>()).add(value);
      lastTag = tag;
    }
  }

  private LibraryEntry entry() {
    String title =
        TITLE.stream()
            .map(fields::get)
            .filter(v -> v != null)
            .map(v -> v.get(0))
            .findFirst()
            .orElse(null);
    String[] naming =
        NAMING.stream()
            .flatMap(t -> fields.getOrDefault(t, List.of()).stream())
            .toArray(String[]::new);
    return LibraryEntry.of(position, title, naming);
  }

  private LibraryFile end() {
    if (fields != null) {
      file.reject(position, "the file ends before this record's ER line");
    }
    return file.build();
  }
}
