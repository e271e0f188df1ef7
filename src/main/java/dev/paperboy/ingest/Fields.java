package dev.paperboy.ingest;

import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Text;

/** Field clean-up and limits shared by every parser, so all formats agree on what is valid. */
final class Fields {

  static final int MAX_TITLE = 1_000;
  static final int MAX_ABSTRACT = 50_000;

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

  /** arXiv's own pages for a paper, used when a source names none. */
  static Links arxivLinks(PaperId id) {
    return new Links(
        "https://arxiv.org/abs/" + id.value(), "https://arxiv.org/pdf/" + id.value(), null, null);
  }
}
