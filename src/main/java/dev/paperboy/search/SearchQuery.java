package dev.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The query language of the search box: words, "phrases", {@code -exclusions}, and the fields
 * {@code author:}, {@code cat:} and {@code title:} (a field takes a word or a "phrase"). Parsing
 * never fails: an unbalanced quote runs to the end, an unknown field is read as plain words, and
 * stray brackets and operators are left for the analyzer to drop. A query with nothing searchable
 * in it (only operators, punctuation, common words or empty fields) {@linkplain #isEmpty is empty}.
 */
public record SearchQuery(String text, List<Clause> clauses) {

  private static final Set<String> FIELDS = Set.of("author", "cat", "title");

  /** One part of a query. {@code field} is null for "anywhere"; {@code phrase} keeps word order. */
  public record Clause(String field, String value, boolean phrase, boolean excluded) {}

  /**
   * A clause and where its value sits in the query text as {@link #parse} strips it: what a
   * correction needs to rewrite one word and leave everything else as typed.
   */
  record Located(Clause clause, int start, int end) {}

  public static SearchQuery parse(String text) {
    String q = text == null ? "" : text.strip();
    return new SearchQuery(q, locate(q).stream().map(Located::clause).toList());
  }

  /** The clauses of an already stripped query text, each with the span of its value. */
  static List<Located> locate(String q) {
    List<Located> clauses = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      if (Character.isWhitespace(q.charAt(i))) {
        i++;
        continue;
      }
      boolean excluded = q.charAt(i) == '-' && i + 1 < q.length() && !isSpace(q, i + 1);
      int start = excluded ? i + 1 : i;
      String field = fieldAt(q, start);
      if (field == null && emptyFieldAt(q, start)) {
        i = q.indexOf(':', start) + 1;
        continue;
      }
      int valueStart = field == null ? start : start + field.length() + 1;
      int end;
      int from = valueStart;
      int to;
      boolean phrase = valueStart < q.length() && q.charAt(valueStart) == '"';
      if (phrase) {
        int close = q.indexOf('"', valueStart + 1);
        end = close < 0 ? q.length() : close + 1;
        from = valueStart + 1;
        to = close < 0 ? q.length() : close;
      } else {
        end = valueStart;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
          end++;
        }
        to = end;
      }
      String value = q.substring(from, to);
      if (!value.isBlank()) {
        clauses.add(new Located(new Clause(field, value.strip(), phrase, excluded), from, to));
      }
      i = Math.max(end, i + 1);
    }
    return List.copyOf(clauses);
  }

  private static boolean isSpace(String q, int i) {
    return Character.isWhitespace(q.charAt(i));
  }

  private static String fieldAt(String q, int start) {
    int colon = q.indexOf(':', start);
    if (colon <= start || colon + 1 >= q.length() || isSpace(q, colon + 1)) {
      return null;
    }
    String name = q.substring(start, colon).toLowerCase(Locale.ROOT);
    return FIELDS.contains(name) ? name : null;
  }

  /** {@code title:} or {@code author:} with nothing after it: a field that asks for nothing. */
  private static boolean emptyFieldAt(String q, int start) {
    int colon = q.indexOf(':', start);
    return colon > start
        && (colon + 1 == q.length() || isSpace(q, colon + 1))
        && FIELDS.contains(q.substring(start, colon).toLowerCase(Locale.ROOT));
  }

  /**
   * True when no clause has anything the index could match: a bare {@code *}, {@code -} or {@code
   * ?}, {@code AND OR NOT}, a NUL, only common words, only exclusions. Such a query would otherwise
   * match the whole catalog (every paper lacks the nothing it excludes) or, by meaning, nothing in
   * particular.
   */
  public boolean isEmpty() {
    // Exclusions alone would list every paper that lacks them: the whole catalog, nearly.
    return clauses.stream().filter(c -> !c.excluded()).noneMatch(SearchQuery::searchable);
  }

  /**
   * A word that survives the analyzer: letters or digits, and in free text or a title not only
   * English stop words (which include the operators {@code and}, {@code or}, {@code not}). Names
   * and categories are read whole, so any letter counts.
   */
  private static boolean searchable(Clause c) {
    boolean anyText = c.field() == null || "title".equals(c.field());
    for (String word : c.value().split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()
          && (!anyText
              || !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }

  /** The words and phrases to read for meaning: no fields, no exclusions. */
  public String freeText() {
    return String.join(
        " ",
        clauses.stream()
            .filter(c -> c.field() == null && !c.excluded())
            .map(Clause::value)
            .toList());
  }

  /** The clauses that rank papers: not exclusions, and not category filters. */
  List<Clause> positive() {
    return clauses.stream().filter(c -> !c.excluded() && !"cat".equals(c.field())).toList();
  }
}
