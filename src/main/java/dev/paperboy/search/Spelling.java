package dev.paperboy.search;

import dev.paperboy.catalog.PaperId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Corrects the misspelled words of a query against the catalog's own vocabulary — the words of its
 * titles and abstracts, the commoner preferred among equally close ones — before the query is
 * searched and embedded. Conservative: only a free word of four letters or more, outside quotes and
 * fields, is looked at. An English word ({@link EnglishWords}) is kept; so is one the catalog knows
 * (in any form, or as an author's name or a defined acronym), unless it is known only by its stem
 * or nearly absent and one typo away from a word a hundred times commoner. Words with digits,
 * capitals inside (acronyms, names like LoRA) and paper ids are left as typed.
 */
final class Spelling {

  /** At most this many words of a query are looked at, each a walk of the term dictionary. */
  static final int MAX_WORDS = 8;

  /** Shorter words have too many real neighbours one edit away. */
  static final int MIN_LENGTH = 4;

  /** Longer "words" are pasted hashes or noise, not typos of words. */
  static final int MAX_LENGTH = 30;

  /** A word in at most this many papers may still be a typo the catalog itself contains. */
  static final int RARE = 2;

  /** How much commoner a close word must be to replace a word the catalog knows. */
  static final int MUCH_COMMONER = 100;

  /** Words this long may be two edits from what was meant. */
  static final int TWO_EDITS = 9;

  /** From this many papers on, a correction must be a word of two papers or more. */
  static final int LARGE = 20_000;

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private final LuceneQueries queries;
  private final Predicate<String> knownAcronym;

  Spelling(LuceneQueries queries, Predicate<String> knownAcronym) {
    this.queries = queries;
    this.knownAcronym = knownAcronym;
  }

  /** The query with its misspelled words corrected; empty when every word stays as typed. */
  Optional<Correction> correct(SearchQuery query, IndexReader reader) throws IOException {
    String text = query.text();
    List<Correction.Part> parts = new ArrayList<>();
    int copied = 0;
    int looked = 0;
    for (SearchQuery.Located located : SearchQuery.locate(text)) {
      if (!correctable(located.clause())) {
        continue;
      }
      Matcher m = WORD.matcher(text).region(located.start(), located.end());
      while (looked < MAX_WORDS && m.find()) {
        if (!candidate(m.group())) {
          continue;
        }
        looked++;
        Optional<String> better = better(m.group(), reader);
        if (better.isPresent()) {
          parts.add(new Correction.Part(text.substring(copied, m.start()), false));
          parts.add(new Correction.Part(better.get(), true));
          copied = m.end();
        }
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    parts.add(new Correction.Part(text.substring(copied), false));
    List<Correction.Part> shown = parts.stream().filter(p -> !p.text().isEmpty()).toList();
    String corrected = String.join("", shown.stream().map(Correction.Part::text).toList());
    return Optional.of(new Correction(text, corrected, shown));
  }

  /** A free word as typed: not a phrase, a field, an exclusion, a paper id or a model name. */
  private static boolean correctable(SearchQuery.Clause c) {
    return c.field() == null
        && !c.phrase()
        && !c.excluded()
        && c.value().chars().noneMatch(Character::isDigit)
        && PaperId.parse(c.value()).isEmpty();
  }

  private boolean candidate(String word) {
    return word.length() >= MIN_LENGTH
        && word.length() <= MAX_LENGTH
        && word.chars().filter(Character::isUpperCase).count() < 2
        && !EnglishWords.contains(word)
        && !knownAcronym.test(word);
  }

  /**
   * The word that was meant: for an unknown word, the closest common one; for a word known only by
   * its stem ("resistence"), the closest written form of that stem ("resistance"); for a word in a
   * paper or two, a close word a hundred times commoner with another stem.
   */
  private Optional<String> better(String word, IndexReader reader) throws IOException {
    String lower = word.toLowerCase(Locale.ROOT);
    int written = reader.docFreq(new Term(IndexFields.SPELLING, lower));
    if (queries.unseen(word, reader)) {
      // In a large catalog a word of a single paper may be a typo itself; in a small one it is
      // often the only use of a real word.
      int edits = lower.length() >= TWO_EDITS ? 2 : 1;
      return closest(
          word, reader, edits, reader.numDocs() / LARGE, SuggestMode.SUGGEST_ALWAYS, s -> true);
    }
    if (written > RARE || queries.seenIn(IndexFields.AUTHORS, word, reader)) {
      return Optional.empty();
    }
    if (written == 0) {
      // "chatbot" for "chatbots" is another form, not a typo
      return closest(
          word,
          reader,
          1,
          0,
          SuggestMode.SUGGEST_ALWAYS,
          s -> sameStem(lower, s) && !s.startsWith(lower) && !lower.startsWith(s));
    }
    return closest(
        word,
        reader,
        1,
        written * MUCH_COMMONER,
        SuggestMode.SUGGEST_MORE_POPULAR,
        s -> !sameStem(lower, s));
  }

  /**
   * The best of the catalog's words within {@code edits} of {@code word} that are in more than
   * {@code papers} papers and pass {@code fits}: the fewest edits first (a transposition is one),
   * then the commonest.
   */
  private Optional<String> closest(
      String word,
      IndexReader reader,
      int edits,
      int papers,
      SuggestMode mode,
      Predicate<String> fits)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(edits);
    checker.setMaxQueryFrequency(RARE);
    checker.setThresholdFrequency(papers);
    Term typed = new Term(IndexFields.SPELLING, word.toLowerCase(Locale.ROOT));
    for (SuggestWord s : checker.suggestSimilar(typed, 5, reader, mode)) {
      if (fits.test(s.string)) {
        return Optional.of(inCaseOf(word, s.string));
      }
    }
    return Optional.empty();
  }

  /** "modelling" for "modeling" or "lasers" for "laser" is a spelling, not a mistake. */
  private boolean sameStem(String word, String suggestion) {
    return queries
        .terms(IndexFields.TITLE, word)
        .equals(queries.terms(IndexFields.TITLE, suggestion));
  }

  private static String inCaseOf(String typed, String word) {
    return Character.isUpperCase(typed.charAt(0))
        ? word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1)
        : word;
  }
}
