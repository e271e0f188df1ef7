package dev.paperboy.search;

import dev.paperboy.catalog.Text;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A search as a reader asks for it: the query text, the mode, optional category and date filters,
 * and the page (from 1) of {@code size} results.
 */
public record SearchRequest(
    String query,
    SearchMode mode,
    String category,
    LocalDate from,
    LocalDate to,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;
  public static final int MAX_QUERY = 1_000;

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
