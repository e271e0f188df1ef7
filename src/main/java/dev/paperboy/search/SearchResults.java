package dev.paperboy.search;

import dev.paperboy.catalog.Paper;
import java.util.List;

/**
 * One page of results. Each hit carries HTML-escaped title and abstract with matched words in
 * {@code <mark>}; {@code notice} explains a relaxed search (null when there is nothing to say).
 * Matches are counted exactly up to {@link PaperSearch#COUNT_LIMIT}; past it, {@code totalExact} is
 * false and {@code total} is a lower bound. {@code closest} is not part of the results: when no
 * paper contains the words of a hybrid search, it holds the papers nearest in meaning (above the
 * similarity floor), offered apart; otherwise it is empty. {@code correction} says which query was
 * searched when misspelled words were corrected (null when the query was searched as typed).
 */
public record SearchResults(
    long total,
    boolean totalExact,
    int page,
    int size,
    List<Hit> hits,
    String notice,
    List<Hit> closest,
    Correction correction) {

  /** One found paper with its score and highlighted, already escaped, title and abstract. */
  public record Hit(Paper paper, float score, String titleHtml, String abstractHtml) {}

  public long pages() {
    return (total + size - 1) / size;
  }
}
