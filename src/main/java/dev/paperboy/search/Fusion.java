package dev.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * How hybrid search weighs its two lists: a convex combination of normalized scores, the weight
 * chosen per query by how sure each side is (docs/SEARCH.md, "Fusion").
 *
 * <p>Each list is scaled to its own best: a paper's words score is its BM25 over the top one's, its
 * meaning score how far its cosine rises above the match floor, over the top one's; a paper missing
 * from a list gets 0 there. The fused score is {@code w·words + (1 − w)·meaning} with {@code w =
 * σ(bias + known·K + allWords·A + gap·G − spread·S)}:
 *
 * <ul>
 *   <li>{@code K}: the share of the query's words the catalog knows (a misspelled or unknown word
 *       is read fuzzily, and BM25 is then guessing);
 *   <li>{@code A}: 1 when some paper has every word, 0 when only some do (paraphrases and plain
 *       questions rarely share all their words with a paper);
 *   <li>{@code G}: how far BM25's tenth score falls below its first, relative to the first (a clear
 *       winner by words);
 *   <li>{@code S}: how far the tenth cosine falls below the first (a clear winner by meaning).
 * </ul>
 *
 * Tuned on the yardstick's dev queries by {@code FusionTuning} (test scope).
 */
record Fusion(double bias, double known, double allWords, double gap, double spread) {

  /** Tuned on the yardstick's dev part; see docs/SEARCH.md. */
  static final Fusion TUNED = new Fusion(0, 0, 2, 0, 20);

  /** How deep the top is, for the gap and the spread. */
  static final int TOP = 10;

  /** What the words side knows about the query. */
  record Evidence(double known, boolean allWords) {}

  /** The weight of the words side for this query, between 0 and 1. */
  double wordsWeight(Evidence evidence, double[] byWords, List<ScoreDoc> meaning) {
    double z =
        bias
            + known * evidence.known()
            + allWords * (evidence.allWords() ? 1 : 0)
            + gap * gap(byWords)
            - spread * spread(meaning);
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The papers of both lists, best fused score first; ties keep the words order, then the meaning
   * order. {@code matchFloor} is the cosine below which nothing counts as a match in meaning.
   */
  List<ScoreDoc> fuse(
      Evidence evidence, List<ScoreDoc> words, List<ScoreDoc> meaning, double matchFloor) {
    double[] byWords = normalized(words);
    double w = wordsWeight(evidence, byWords, meaning);
    Map<Integer, Double> fused = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      fused.merge(words.get(i).doc, w * byWords[i], Double::sum);
    }
    double[] byMeaning = normalized(meaning, matchFloor);
    for (int i = 0; i < meaning.size(); i++) {
      fused.merge(meaning.get(i).doc, (1 - w) * byMeaning[i], Double::sum);
    }
    List<ScoreDoc> docs = new ArrayList<>(fused.size());
    fused.forEach((doc, score) -> docs.add(new ScoreDoc(doc, score.floatValue())));
    docs.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
    return docs;
  }

  /**
   * BM25 over the top score. The list puts papers with every word before papers with some, whose
   * BM25 may be higher; a score never rises down the list, so that order is kept.
   */
  static double[] normalized(List<ScoreDoc> words) {
    double[] n = new double[words.size()];
    double top = words.isEmpty() ? 0 : words.get(0).score;
    for (int i = 0; i < n.length; i++) {
      double s = top > 0 ? words.get(i).score / top : 0;
      n[i] = i == 0 ? Math.min(1, s) : Math.min(n[i - 1], s);
    }
    return n;
  }

  /** How far each cosine rises above the match floor, over how far the top one does. */
  static double[] normalized(List<ScoreDoc> meaning, double matchFloor) {
    double[] n = new double[meaning.size()];
    double top = meaning.isEmpty() ? 0 : cosine(meaning.get(0)) - matchFloor;
    for (int i = 0; i < n.length; i++) {
      n[i] = top > 0 ? Math.max(0, cosine(meaning.get(i)) - matchFloor) / top : 0;
    }
    return n;
  }

  /** 1 − the normalized score at {@link #TOP}; 0 for an empty list, 1 for a lone hit. */
  static double gap(double[] normalized) {
    if (normalized.length == 0) {
      return 0;
    }
    return normalized.length == 1 ? 1 : 1 - normalized[Math.min(TOP, normalized.length) - 1];
  }

  /** The first cosine minus the one at {@link #TOP} (or the last). */
  static double spread(List<ScoreDoc> meaning) {
    if (meaning.size() < 2) {
      return 0;
    }
    return cosine(meaning.get(0)) - cosine(meaning.get(Math.min(TOP, meaning.size()) - 1));
  }

  /** Lucene scores a dot product of unit vectors (1 + cosine) / 2; this undoes it. */
  static double cosine(ScoreDoc d) {
    return 2.0 * d.score - 1;
  }
}
