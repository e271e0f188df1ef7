package dev.paperboy.foryou;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One reader's signals, newest first, each with its paper's vector: positives (saved, imported,
 * voted, 👍) and explicit negatives (👎, not interested). A paper saved and voted for appears twice
 * here and once in what is learned.
 */
record ReaderState(UUID reader, List<Signal> positives, List<Signal> negatives) {

  /** Positives learned from at most: the newest, so one reader stays milliseconds to learn. */
  static final int MAX_POSITIVES = 1_000;

  /** Explicit negatives learned from at most, the newest. */
  static final int MAX_NEGATIVES = 1_000;

  /** One signal on one paper. */
  record Signal(String paperId, String title, How how, Instant at, float[] vector) {}

  /**
   * What a model was learned from: the counts of signals and the newest one's time. A model whose
   * evidence differs from the reader's now is stale: a new save, vote or feedback moves the newest
   * time, and an undone one changes a count.
   */
  record Evidence(int positives, int negatives, Instant newest) {}

  Evidence evidence() {
    Instant newest = null;
    for (List<Signal> list : List.of(positives, negatives)) {
      for (Signal s : list) {
        newest = newest == null || s.at().isAfter(newest) ? s.at() : newest;
      }
    }
    return new Evidence(positives.size(), negatives.size(), newest);
  }

  /**
   * Each positive paper once, newest first, with its most telling origin: saved or imported before
   * 👍, before a vote ({@link How}'s order).
   */
  List<Signal> distinctPositives() {
    Map<String, Signal> byPaper = new LinkedHashMap<>();
    for (Signal s : positives) {
      byPaper.merge(
          s.paperId(),
          s,
          (first, other) ->
              other.how().ordinal() < first.how().ordinal()
                  ? new Signal(
                      first.paperId(), first.title(), other.how(), first.at(), first.vector())
                  : first);
    }
    return List.copyOf(byPaper.values());
  }

  /** Every paper the reader has told us about, either way: never recommended to them. */
  Set<String> papers() {
    Set<String> ids = new HashSet<>();
    positives.forEach(s -> ids.add(s.paperId()));
    negatives.forEach(s -> ids.add(s.paperId()));
    return ids;
  }

  /** The positives alone, weighted as in {@link #examples}: what a centroid is learned from. */
  Examples positivesOnly() {
    Examples all = examples(List.of());
    return new Examples(all.positives(), all.positiveWeights(), List.of(), List.of());
  }

  /**
   * What the reader's model learns from: the newest positives, weighted by recency as
   * zotero-arxiv-daily weighs a library (the i-th newest counts 1 / (1 + log10(i + 1)): the newest
   * 1, the tenth about 0.5, the thousandth 0.25), the newest explicit negatives, and the background
   * sample without the reader's own papers.
   */
  Examples examples(List<Background.Paper> background) {
    List<Signal> kept = distinctPositives().stream().limit(MAX_POSITIVES).toList();
    double[] weights = new double[kept.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 / (1 + Math.log10(i + 1));
    }
    Set<String> own = papers();
    List<float[]> random = new ArrayList<>();
    background.stream().filter(b -> !own.contains(b.id())).forEach(b -> random.add(b.vector()));
    return new Examples(
        kept.stream().map(Signal::vector).toList(),
        weights,
        negatives.stream().limit(MAX_NEGATIVES).map(Signal::vector).toList(),
        random);
  }
}
