package dev.paperboy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deterministic synthetic arXiv: the same seed and size give the same papers, byte for byte.
 * Shapes follow arXiv's: titles of 4–20 words (most near 10), abstracts of 60–300 words (most near
 * 160), author lists with a long tail (one to a few dozen), a primary category drawn Zipf-wise from
 * real arXiv categories plus up to two cross-lists, dates spread evenly from 2015 to a last day
 * (the benchmark's own day, so the newest papers are new, as in a live mirror) with arXiv-style ids
 * of the month ({@code 2403.01234}). Words come from a Zipf law (exponent 1) over a 40,000-word
 * vocabulary whose head is real English and research words and whose tail is made of syllables, as
 * real abstracts have a long tail of rare terms.
 */
final class SyntheticCorpus {

  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

  private static final String[] HEAD =
      ("the of and a to in we is for that on with by this as our are model models learning data"
              + " neural network networks method methods results show propose performance training"
              + " approach based task tasks language transformer attention graph large state art"
              + " problem using can which from be these paper novel efficient robust framework"
              + " experiments demonstrate existing new generation retrieval image images vision"
              + " policy reinforcement agents reward optimization gradient convergence bound bounds"
              + " theorem prove sparse dense quantum kernel bayesian inference causal federated"
              + " privacy contrastive representation embedding tokens diffusion generative protein"
              + " molecular physics simulation benchmark dataset evaluation accuracy latency memory"
              + " compute scaling parameters pretraining finetuning alignment reasoning planning"
              + " robot control speech audio video segmentation detection tracking uncertainty")
          .split(" ");

  private static final String[] SYLLABLES =
      ("ka lo mi ra ne to su vi de pa ri mo la ze qu ti fa no be gu ser tan lin cor mal dex"
              + " pol vin tra sen gor lux fen dar mir zol cap ber tis num")
          .split(" ");

  private static final String[] CATEGORIES =
      ("cs.LG cs.CV cs.CL cs.AI stat.ML cs.RO quant-ph cs.CR math.OC eess.SP cs.IR cs.NE"
              + " physics.comp-ph cond-mat.stat-mech math.PR cs.DS hep-th astro-ph.CO q-bio.QM"
              + " econ.EM cs.SE cs.DC math.ST eess.IV cs.HC cs.SD cs.MA math.NA cs.GT cs.SI")
          .split(" ");

  private static final String[] GIVEN =
      ("Ana Ben Chen Dara Elif Femi Gita Hiro Ines Jun Kofi Lena Mateo Nia Omar Priya Quinn Rosa"
              + " Sven Tara Umar Vera Wei Xia Yusuf Zoe")
          .split(" ");

  static final int VOCABULARY = 40_000;

  private final String[] words = new String[VOCABULARY];
  private final double[] cumulative = new double[VOCABULARY];
  private final long seed;
  private final LocalDate lastDay;

  SyntheticCorpus(long seed, LocalDate lastDay) {
    this.seed = seed;
    this.lastDay = lastDay;
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
    Set<String> vocabulary = new LinkedHashSet<>(Arrays.asList(HEAD));
    while (vocabulary.size() < VOCABULARY) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      vocabulary.add(w.toString());
    }
    vocabulary.toArray(words);
    double sum = 0;
    for (int r = 0; r < VOCABULARY; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
    for (int r = 0; r < VOCABULARY; r++) {
      cumulative[r] /= sum;
    }
  }

  /** The word at Zipf rank {@code rank} (0 is the most frequent). */
  String word(int rank) {
    return words[rank];
  }

  String zipfWord(SplittableRandom random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return words[i >= 0 ? i : Math.min(VOCABULARY - 1, -i - 1)];
  }

  String words(SplittableRandom random, int count) {
    StringBuilder s = new StringBuilder(count * 7);
    for (int w = 0; w < count; w++) {
      if (w > 0) {
        s.append(' ');
      }
      s.append(zipfWord(random));
    }
    return s.toString();
  }

  /**
   * Paper {@code i} of a corpus of {@code size} as a JSON Lines record, the same in every run with
   * this seed and last day. Papers past the size (extra ones) fall on the last day.
   */
  ObjectNode paper(JsonMapper json, int i, int size) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
    long days = lastDay.toEpochDay() - FIRST_DAY.toEpochDay();
    LocalDate published = FIRST_DAY.plusDays(Math.min(days, (long) i * days / Math.max(1, size)));
    ObjectNode p = json.createObjectNode();
    p.put(
        "id",
        String.format(
            Locale.ROOT,
            "%02d%02d.%05d",
            published.getYear() % 100,
            published.getMonthValue(),
            i % 100_000));
    p.put("version", 1 + (random.nextInt(4) == 0 ? 1 : 0));
    p.put("title", capitalized(words(random, clamp(gaussian(random, 10, 3), 4, 20))));
    p.put("abstract", words(random, clamp(gaussian(random, 160, 50), 60, 300)) + ".");
    ArrayNode authors = p.putArray("authors");
    int count = 1 + (int) Math.min(40, -Math.log(1 - random.nextDouble()) * 4);
    for (int a = 0; a < count; a++) {
      authors.add(
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + capitalized(words[200 + random.nextInt(20_000)]));
    }
    ArrayNode categories = p.putArray("categories");
    List<String> chosen = new ArrayList<>();
    chosen.add(CATEGORIES[zipfIndex(random, CATEGORIES.length)]);
    for (int c = random.nextInt(3); c > 0; c--) {
      String other = CATEGORIES[random.nextInt(CATEGORIES.length)];
      if (!chosen.contains(other)) {
        chosen.add(other);
      }
    }
    chosen.forEach(categories::add);
    p.put("published", published.toString());
    return p;
  }

  /** "title. abstract" of the first {@code count} papers: what the embedding model reads. */
  List<String> texts(int count) {
    JsonMapper json = JsonMapper.builder().build();
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ObjectNode p = paper(json, i, count);
      texts.add(p.get("title").asString() + ". " + p.get("abstract").asString());
    }
    return texts;
  }

  /** Writes papers {@code 0..size-1} as JSON Lines. */
  void write(Path file, int size) throws IOException {
    write(file, 0, size, size);
  }

  /** Writes papers {@code from..to-1} of a corpus of {@code size}. */
  void write(Path file, int from, int to, int size) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = from; i < to; i++) {
        out.write(json.writeValueAsString(paper(json, i, size)));
        out.write('\n');
      }
    }
  }

  /**
   * Subscriber topics: two-word searches made of mid-frequency words, {@code count} of them, each
   * subscriber following one to three drawn Zipf-wise, so popular topics are shared by many.
   */
  List<String> topics(int count) {
    SplittableRandom random = new SplittableRandom(seed + 17);
    List<String> topics = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      topics.add(words[40 + random.nextInt(400)] + " " + words[40 + random.nextInt(2_000)]);
    }
    return topics;
  }

  static int zipfIndex(SplittableRandom random, int n) {
    double harmonic = Math.log(n) + 0.5772;
    double u = random.nextDouble() * harmonic;
    return (int) Math.min(n, Math.max(1, Math.exp(u - 0.5772))) - 1;
  }

  private static int gaussian(SplittableRandom random, double mean, double sd) {
    double g =
        Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
            * Math.cos(2 * Math.PI * random.nextDouble());
    return (int) Math.round(mean + g * sd);
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
