package dev.paperboy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic abstract-like text for speed measurements: lengths and a Zipf-shaped vocabulary
 * like arXiv abstracts (about 150–250 words), not meaning.
 */
final class SyntheticText {

  private static final String[] VOCABULARY =
      ("the of and a to in we is for that on with by this as our are model models learning data "
              + "neural network networks method methods results show propose performance training "
              + "approach based task tasks language transformer attention graph large state art "
              + "problem using can which from be these paper novel efficient robust framework "
              + "experiments demonstrate existing new generation retrieval image images vision "
              + "policy reinforcement agents reward optimization gradient convergence bound bounds "
              + "theorem prove sparse dense quantum kernel bayesian inference causal federated "
              + "privacy contrastive representation embedding tokens diffusion generative protein "
              + "molecular physics simulation benchmark dataset evaluation accuracy latency memory "
              + "compute scaling parameters pretraining finetuning alignment reasoning planning "
              + "robot control speech audio video segmentation detection tracking uncertainty")
          .split(" ");

  private SyntheticText() {}

  static List<String> abstracts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(
          sentence(random, 6 + random.nextInt(10))
              + ". "
              + sentence(random, 150 + random.nextInt(100))
              + ".");
    }
    return texts;
  }

  static String sentence(SplittableRandom random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        s.append(' ');
      }
      s.append(zipfWord(random));
    }
    return s.toString();
  }

  /** Rank r is drawn with probability proportional to 1/r. */
  static String zipfWord(SplittableRandom random) {
    double harmonic = Math.log(VOCABULARY.length) + 0.5772;
    double u = random.nextDouble() * harmonic;
    int rank = (int) Math.min(VOCABULARY.length, Math.max(1, Math.exp(u - 0.5772)));
    return VOCABULARY[rank - 1];
  }
}
