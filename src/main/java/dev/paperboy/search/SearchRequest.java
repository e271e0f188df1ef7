package dev.paperboy.search;

import dev.paperboy.catalog.Text;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A search as a reader asks for it: the query text, the mode, optional category and date filters,
 * the page (from 1) of {@code size} results, and whether the query is searched {@code asTyped}
 * rather than with its misspellings corrected.
 */
public record SearchRequest(
    String query,
    SearchMode mode,
    String category,
    LocalDate from,
    LocalDate to,
    int page,
    int size,
    boolean asTyped) {

  public static final int MAX_SIZE = 100;
  public static final int MAX_QUERY = 1_000;

  /** The value of the {@code spelling} parameter that searches a query as typed. */
  public static final String AS_TYPED = "as-typed";

  /** A search whose misspelled words are corrected, as every search is unless asked otherwise. */
  public SearchRequest(
      String query,
      SearchMode mode,
      String category,
      LocalDate from,
      LocalDate to,
      int page,
      int size) {
    this(query, mode, category, from, to, page, size, false);
  }

  /**
   * Reads the {@code spelling} parameter: {@value #AS_TYPED} turns correction off, {@code
   * corrected} (or nothing) leaves it on.
   */
  public static boolean asTyped(String spelling) {
    if (spelling == null || spelling.isBlank() || spelling.equals("corrected")) {
      return false;
    }
    if (spelling.equals(AS_TYPED)) {
      return true;
    }
    throw new InvalidQuery("spelling must be corrected or " + AS_TYPED);
  }

  public SearchRequest {
    if (page < 1) {
      throw new InvalidQuery("page must be 1 or more");
    }
    // Checked before anything multiplies page by size, which would overflow an int.
    if (page > PaperSearch.MAX_WINDOW) {
      throw new InvalidQuery("page must be at most " + PaperSearch.MAX_WINDOW);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidQuery("size must be between 1 and " + MAX_SIZE);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQuery("from must not be after to");
    }
    if (query != null && query.length() > MAX_QUERY) {
      throw new InvalidQuery("the query is longer than " + MAX_QUERY + " characters");
    }
    mode = mode == null ? SearchMode.HYBRID : mode;
    // A control character separates words as a space would; kept, a NUL would reach PostgreSQL
    // (the acronym look-up), which refuses it.
    query = query == null ? null : Text.clean(CONTROL.matcher(query).replaceAll(" "));
  }

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
}
