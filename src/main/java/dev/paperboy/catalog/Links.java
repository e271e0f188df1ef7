package dev.paperboy.catalog;

/** Where a paper can be read: its abstract page, PDF, DOI and code repository; any may be null. */
public record Links(String abstractPage, String pdf, String doi, String code) {

  public Links {
    abstractPage = Text.clean(abstractPage);
    pdf = Text.clean(pdf);
    doi = Text.clean(doi);
    code = Text.clean(code);
  }

  public static final Links NONE = new Links(null, null, null, null);

  /** Fills this record's gaps from {@code other}; this record's values win. */
  public Links orElse(Links other) {
    return new Links(
        first(abstractPage, other.abstractPage),
        first(pdf, other.pdf),
        first(doi, other.doi),
        first(code, other.code));
  }

  static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
