package dev.paperboy.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a paper can be read: its abstract page, PDF, DOI, code repository and project page; any may
 * be null. The addresses are absolute http(s) links or null, whoever built the record, so no page,
 * feed, digest or BibTeX entry can carry a {@code javascript:} or {@code file:} link from an
 * import.
 */
public record Links(String abstractPage, String pdf, String doi, String code, String project) {

  public Links {
    abstractPage = webLink(abstractPage);
    pdf = webLink(pdf);
    doi = Text.clean(doi);
    code = webLink(code);
    project = webLink(project);
  }

  /** The links of a source that knows no project page. */
  public Links(String abstractPage, String pdf, String doi, String code) {
    this(abstractPage, pdf, doi, code, null);
  }

  public static final Links NONE = new Links(null, null, null, null, null);

  /** Fills this record's gaps from {@code other}; this record's values win. */
  public Links orElse(Links other) {
    return new Links(
        first(abstractPage, other.abstractPage),
        first(pdf, other.pdf),
        first(doi, other.doi),
        first(code, other.code),
        first(project, other.project));
  }

  static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  /**
   * The address if it is an absolute http or https URL with a host; null for anything else (another
   * scheme, a relative or malformed address), which is dropped rather than shown.
   */
  private static String webLink(String address) {
    String s = Text.clean(address);
    if (s == null || s.isBlank()) {
      return null;
    }
    s = s.strip();
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null && !uri.getHost().isBlank() ? s : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
