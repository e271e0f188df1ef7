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
 * fields, is looked at; one the catalog knows (in any form, or as an author's name or a defined
 * acronym) is kept, unless it is nearly absent and one typo away from a word a hundred times
 * commoner with another stem. A correction is a word of two papers or more. Words with digits,
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
        && !knownAcronym.test(word);
  }

  /** The word that was meant, if this one is unknown (or nearly) and a close one is common. */
  private Optional<String> better(String word, IndexReader reader) throws IOException {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean unknown = queries.unseen(word, reader);
    if (!unknown && !nearlyAbsent(word, lower, reader)) {
      return Optional.empty();
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(unknown && lower.length() > 6 ? 2 : 1);
    checker.setMaxQueryFrequency(RARE);
    int known = reader.docFreq(new Term(IndexFields.SPELLING, lower));
    // The checker suggests only words in more papers than this: two or more for an unknown word,
    // since a word in a single paper may be a typo itself.
    checker.setThresholdFrequency(unknown ? 1 : known * MUCH_COMMONER);
    SuggestWord[] suggestions =
        checker.suggestSimilar(
            new Term(IndexFields.SPELLING, lower),
            5,
            reader,
            unknown ? SuggestMode.SUGGEST_ALWAYS : SuggestMode.SUGGEST_MORE_POPULAR);
    for (SuggestWord s : suggestions) {
      if (!sameStem(lower, s.string)) {
        return Optional.of(inCaseOf(word, s.string));
      }
    }
    return Optional.empty();
  }

  /** In a paper or two as written, never as an author's name: perhaps a typo the catalog holds. */
  private boolean nearlyAbsent(String word, String lower, IndexReader reader) throws IOException {
    int known = reader.docFreq(new Term(IndexFields.SPELLING, lower));
    return known > 0 && known <= RARE && !queries.seenIn(IndexFields.AUTHORS, word, reader);
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
