package dev.paperboy.search;

/**
 * What counts as a match in meaning, in cosine similarity of query and paper. A query means
 * something here only when its nearest paper reaches {@code nearest} (nonsense such as {@code
 * xyzzyplugh} stays below it); then its matches are the neighbours that reach {@code match}. Chosen
 * per model on the yardstick's dev queries (docs/SEARCH.md).
 */
public record SimilarityFloors(double nearest, double match) {

  public SimilarityFloors {
    if (!(match <= nearest)) {
      throw new IllegalArgumentException("match floor must not exceed the nearest floor");
    }
  }

  /** Lucene's score for a dot product of unit vectors: (1 + cosine) / 2. */
  static float score(double cosine) {
    return (float) ((1 + cosine) / 2);
  }
}
