package dev.paperboy.foryou;

import java.util.List;

/**
 * What one reader's ranking learns from: unit vectors of one embedding model.
 *
 * @param positives papers the reader saved, voted up or imported
 * @param positiveWeights one weight per positive, 1 for a fresh one (recency weights: an older save
 *     counts less); {@code null} weighs every positive 1
 * @param negatives papers the reader voted down or dismissed ("not interested")
 * @param background a random sample of other papers, the weak negatives
 */
public record Examples(
    List<float[]> positives,
    double[] positiveWeights,
    List<float[]> negatives,
    List<float[]> background) {

  public Examples {
    positives = List.copyOf(positives);
    negatives = negatives == null ? List.of() : List.copyOf(negatives);
    background = background == null ? List.of() : List.copyOf(background);
    if (positiveWeights != null && positiveWeights.length != positives.size()) {
      throw new IllegalArgumentException(
          "positiveWeights has "
              + positiveWeights.length
              + " weights for "
              + positives.size()
              + " positives");
    }
  }

  /** Positives only, each weighing 1, with no negatives: what a reader with a few saves has. */
  public static Examples of(List<float[]> positives) {
    return new Examples(positives, null, List.of(), List.of());
  }

  /** The weight of positive {@code i}. */
  public double weight(int i) {
    return positiveWeights == null ? 1 : positiveWeights[i];
  }
}
