package dev.paperboy.search;

/**
 * What counts as a match in meaning, in cosine similarity. A query means something here only when
 * its nearest paper reaches {@code nearest} (nonsense such as {@code xyzzyplugh} stays below it);
 * then its matches are the neighbours that reach {@code match}. Chosen per model on the yardstick's
 * dev queries (docs/SEARCH.md). {@code related} is the same idea between two papers: For you
 * recommends only papers that reach it with one of the reader's own (chosen on the dev readers of
 * {@code eval --recommend}, docs/RELEVANCE.md); −1 when not known for the model (no floor).
 */
public record SimilarityFloors(double nearest, double match, double related) {

  /** No floor between papers: a model whose scale of paper-to-paper cosines was not measured. */
  public static final double UNKNOWN = -1;

  public SimilarityFloors {
    if (!(match <= nearest)) {
      throw new IllegalArgumentException("match floor must not exceed the nearest floor");
    }
    if (!(related >= -1 && related <= 1)) {
      throw new IllegalArgumentException("related floor must be a cosine, from -1 to 1");
    }
  }

  /** Floors for queries only. */
  public SimilarityFloors(double nearest, double match) {
    this(nearest, match, UNKNOWN);
  }

  /** Lucene's score for a dot product of unit vectors: (1 + cosine) / 2. */
  static float score(double cosine) {
    return (float) ((1 + cosine) / 2);
  }
}
