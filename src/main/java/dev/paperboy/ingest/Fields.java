package dev.paperboy.ingest;

import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Text;

/** Field clean-up and limits shared by every parser, so all formats agree on what is valid. */
final class Fields {

  static final int MAX_TITLE = 1_000;
  static final int MAX_ABSTRACT = 50_000;

  /**
   * No single field of any format is read past this many characters: XML text stops being kept,
   * JSON strings stop the parser. A 1 MiB author list is already absurd; a 300 MB title must not
   * cost gigabytes of heap before it is refused.
   */
  static final int MAX_FIELD_CHARS = 1 << 20;

  private Fields() {}

  static String clean(String text) {
    return Text.emptyToNull(text);
  }

  static String required(String text, String field) {
    String cleaned = clean(text);
    if (cleaned == null) {
      throw new BadRecord(field + " is missing");
    }
    return cleaned;
  }

  static String title(String text) {
    return limited(required(text, "title"), "title", MAX_TITLE);
  }

  static String abstractText(String text) {
    String cleaned = clean(text);
    return cleaned == null ? "" : limited(cleaned, "abstract", MAX_ABSTRACT);
  }

  private static String limited(String text, String field, int max) {
    if (text.length() > max) {
      throw new BadRecord(
          String.format("%s is %,d characters long; the limit is %,d", field, text.length(), max));
    }
    return text;
  }

  /** An arXiv version as sources spell it, "v2" (or "2"), as its number. */
  static int versionNumber(String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.strip().replaceFirst("^v", ""));
    } catch (NumberFormatException e) {
      throw new BadRecord("version is not of the form v<number>: \"" + text + "\"");
    }
  }

  /** arXiv's own pages for a paper, used when a source names none. */
  static Links arxivLinks(PaperId id) {
    return new Links(
        "https://arxiv.org/abs/" + id.value(), "https://arxiv.org/pdf/" + id.value(), null, null);
  }
}
