package dev.paperboy.yardstick;

import dev.paperboy.foryou.Candidates;
import dev.paperboy.foryou.Examples;
import dev.paperboy.foryou.Learner;
import dev.paperboy.foryou.ReaderRanker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Ranks all new papers for every synthetic reader with each method and measures the rankings:
 * nDCG@10 and recall@50 of the reader's held-out papers among all new papers, and Scholar Inbox's
 * protocol, the reciprocal rank of each held-out positive among itself and 4 held-out negatives.
 */
public final class ForYouEvaluation {

  /** The rankings compared, in the order reports list them. */
  public enum Method {
    TRENDING("trending only"),
    CENTROID("centroid similarity"),
    TFIDF_SVM("arxiv-sanity: TF-IDF linear SVM"),
    MODEL("the model: logistic regression on embeddings"),
    TWO_SAVES("the model, reader with 2 saved papers");

    public final String label;

    Method(String label) {
      this.label = label;
    }
  }

  /** Mean metrics over a group of readers. */
  public record Score(double ndcg10, double recall50, double mrr, int readers) {}

  /** Every method's score on each part's readers, with the settings the model was learned with. */
  public record Result(
      Map<Yardstick.Split, Map<Method, Score>> scores,
      Learner.Settings settings,
      ForYouReaders readers) {}

  static final int NEGATIVES_PER_POSITIVE = 4;

  private final ForYouReaders readers;
  private final Map<String, float[]> vectors;
  private final List<String> candidates;
  private final Map<String, Integer> row = new HashMap<>();

  /** The new papers as the product scores them. */
  private final Candidates columns;

  private final Map<String, Integer> popularity;
  private final ArxivSanity arxivSanity;

  /**
   * @param vectors every yardstick paper's embedding, by id, as the catalog stores it
   */
  public ForYouEvaluation(
      ForYouReaders readers, Map<String, float[]> vectors, Yardstick yardstick) {
    this.readers = readers;
    this.vectors = vectors;
    this.candidates = readers.newer().stream().map(Yardstick.Paper::id).toList();
    int dims = vectors.get(candidates.get(0)).length;
    float[] matrix = new float[candidates.size() * dims];
    for (int r = 0; r < candidates.size(); r++) {
      row.put(candidates.get(r), r);
      System.arraycopy(vectors.get(candidates.get(r)), 0, matrix, r * dims, dims);
    }
    this.columns = Candidates.of(matrix, candidates.size());
    this.popularity = readers.popularity();
    this.arxivSanity = new ArxivSanity(yardstick.papers());
  }

  public Result run(Learner.Settings settings) {
    Map<Yardstick.Split, Map<Method, Score>> scores = new EnumMap<>(Yardstick.Split.class);
    for (Yardstick.Split split : Yardstick.Split.values()) {
      Map<Method, Score> byMethod = new EnumMap<>(Method.class);
      for (Method method : Method.values()) {
        byMethod.put(method, score(split, method, settings));
      }
      scores.put(split, byMethod);
    }
    return new Result(scores, settings, readers);
  }

  /** One method's mean over one part's readers: what tuning on dev looks at. */
  public Score score(Yardstick.Split split, Method method, Learner.Settings settings) {
    List<Score> each =
        readers.readers(split).stream().map(r -> measure(r, scores(method, r, settings))).toList();
    return mean(each);
  }

  /**
   * The model's scores blended with another method's, each standardized over the reader's
   * candidates, {@code share} of the other's: what that method would add to the model, measured on
   * dev before anything is built into the product.
   */
  public Score blend(Yardstick.Split split, Learner.Settings settings, Method other, double share) {
    List<Score> each =
        readers.readers(split).stream()
            .map(r -> measure(r, blend(r, settings, other, share)))
            .toList();
    return mean(each);
  }

  /** How a floor on the cosine to a reader's nearest positive would treat one part's readers. */
  public record FloorScore(double floor, double ndcg10, double relevantKept, double othersKept) {}

  /**
   * For each floor: the model's nDCG@10 when the new papers whose nearest positive is below it are
   * not shown (put last), the share of held-out positives that reach it, and the share of the other
   * new papers that do: what a floor costs in relevance and spares the reader in noise.
   */
  public List<FloorScore> floors(
      Yardstick.Split split, Learner.Settings settings, double... floors) {
    return floors(split, settings, false, floors);
  }

  /** {@link #floors}, also leaving out the papers the model itself scores below zero. */
  public List<FloorScore> floors(
      Yardstick.Split split, Learner.Settings settings, boolean positiveScore, double... floors) {
    List<FloorScore> results = new ArrayList<>();
    List<ForYouReaders.Reader> part = readers.readers(split);
    List<float[]> nearest = part.stream().map(this::nearestPositive).toList();
    List<float[]> model = part.stream().map(r -> scores(Method.MODEL, r, settings)).toList();
    for (double floor : floors) {
      double ndcg = 0, relevant = 0, relevantAll = 0, others = 0, othersAll = 0;
      for (int k = 0; k < part.size(); k++) {
        ForYouReaders.Reader r = part.get(k);
        float[] scores = model.get(k).clone();
        for (int i = 0; i < scores.length; i++) {
          boolean kept = nearest.get(k)[i] >= floor && (!positiveScore || scores[i] >= 0);
          if (r.grades().containsKey(candidates.get(i))) {
            relevantAll++;
            relevant += kept ? 1 : 0;
          } else {
            othersAll++;
            others += kept ? 1 : 0;
          }
          if (!kept) {
            scores[i] = Float.NEGATIVE_INFINITY;
          }
        }
        ndcg += measure(r, scores).ndcg10();
      }
      results.add(
          new FloorScore(floor, ndcg / part.size(), relevant / relevantAll, others / othersAll));
    }
    return results;
  }

  /** Each new paper's cosine to the reader's nearest saved paper. */
  private float[] nearestPositive(ForYouReaders.Reader reader) {
    List<float[]> saves = reader.saves().stream().map(vectors::get).toList();
    float[] nearest = new float[candidates.size()];
    for (int i = 0; i < nearest.length; i++) {
      float[] candidate = vectors.get(candidates.get(i));
      nearest[i] = (float) Learner.cosine(saves.get(Learner.nearest(saves, candidate)), candidate);
    }
    return nearest;
  }

  private static Score mean(List<Score> each) {
    return new Score(
        each.stream().mapToDouble(Score::ndcg10).average().orElse(0),
        each.stream().mapToDouble(Score::recall50).average().orElse(0),
        each.stream().mapToDouble(Score::mrr).average().orElse(0),
        each.size());
  }

  float[] blend(ForYouReaders.Reader r, Learner.Settings settings, Method other, double share) {
    float[] model = standardized(scores(Method.MODEL, r, settings));
    float[] added = standardized(scores(other, r, settings));
    float[] blend = new float[model.length];
    for (int i = 0; i < blend.length; i++) {
      blend[i] = (float) ((1 - share) * model[i] + share * added[i]);
    }
    return blend;
  }

  /**
   * {@code x} less its mean, over its standard deviation: scores of different scales made alike.
   */
  private static float[] standardized(float[] x) {
    double mean = 0, square = 0;
    for (float v : x) {
      mean += v;
      square += v * v;
    }
    mean /= x.length;
    double sd = Math.sqrt(Math.max(square / x.length - mean * mean, 1e-12));
    float[] z = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (float) ((x[i] - mean) / sd);
    }
    return z;
  }

  float[] scores(Method method, ForYouReaders.Reader reader, Learner.Settings settings) {
    return switch (method) {
      case TRENDING -> trending(reader);
      case CENTROID -> learn(settings.centroidOnly(), reader.saves(), List.of(), reader);
      case TFIDF_SVM -> arxivSanity.scores(new HashSet<>(reader.saves()), candidates);
      case MODEL -> learn(settings, reader.saves(), reader.dismissed(), reader);
      case TWO_SAVES -> learn(settings, reader.saves().subList(0, 2), List.of(), reader);
    };
  }

  /**
   * The same order for every reader: how many other readers saved each new paper (their own save
   * left out, since it is what is being predicted).
   */
  private float[] trending(ForYouReaders.Reader reader) {
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      String id = candidates.get(i);
      scores[i] = popularity.getOrDefault(id, 0) - (reader.laterSaves().contains(id) ? 1 : 0);
    }
    return scores;
  }

  private float[] learn(
      Learner.Settings settings,
      List<String> saves,
      List<String> dismissed,
      ForYouReaders.Reader reader) {
    Examples examples =
        new Examples(
            saves.stream().map(vectors::get).toList(),
            null,
            dismissed.stream().map(vectors::get).toList(),
            background(reader, settings.maxBackground()));
    ReaderRanker ranker = Learner.learn(examples, settings);
    return columns.scores(ranker);
  }

  /**
   * Older papers the reader did not save, in an order of their own: the product's random sample.
   */
  private List<float[]> background(ForYouReaders.Reader reader, int size) {
    Set<String> saved = new HashSet<>(reader.saves());
    List<String> others =
        new ArrayList<>(
            readers.older().stream()
                .map(Yardstick.Paper::id)
                .filter(id -> !saved.contains(id))
                .toList());
    shuffle(others, new SplittableRandom(reader.id() * 31L + 7));
    return others.subList(0, Math.min(size, others.size())).stream().map(vectors::get).toList();
  }

  /** One reader's metrics for one ranking of all new papers. */
  Score measure(ForYouReaders.Reader reader, float[] scores) {
    List<String> ranked = ranked(scores);
    return new Score(
        Metrics.ndcg(ranked, reader.grades(), 10),
        Metrics.recall(ranked, reader.grades(), 50),
        oneAgainstFour(reader, scores),
        1);
  }

  /** Best first; ties in an order unrelated to the topics (ids run by topic). */
  private List<String> ranked(float[] scores) {
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer i) -> -scores[i])
                .thenComparingInt(i -> mix(candidates.get(i).hashCode())))
        .map(candidates::get)
        .toList();
  }

  /**
   * Scholar Inbox's protocol: each held-out positive against 4 held-out negatives (new papers of
   * the topics the reader dislikes, topped up with random new papers of other topics), the mean
   * reciprocal rank; ties count as their expected reciprocal rank in a random order.
   */
  private double oneAgainstFour(ForYouReaders.Reader reader, float[] scores) {
    double sum = 0;
    for (String positive : reader.grades().keySet()) {
      double s = scores[row.get(positive)];
      int above = 0;
      int tied = 0;
      for (String negative : negatives(reader, positive)) {
        double n = scores[row.get(negative)];
        above += n > s ? 1 : 0;
        tied += n == s ? 1 : 0;
      }
      double rr = 0;
      for (int rank = above + 1; rank <= above + tied + 1; rank++) {
        rr += 1.0 / rank;
      }
      sum += rr / (tied + 1);
    }
    return sum / reader.grades().size();
  }

  private List<String> negatives(ForYouReaders.Reader reader, String positive) {
    SplittableRandom random = new SplittableRandom(reader.id() * 1_009L + positive.hashCode());
    List<String> unwanted = new ArrayList<>(reader.unwanted());
    shuffle(unwanted, random);
    List<String> chosen =
        new ArrayList<>(unwanted.subList(0, Math.min(NEGATIVES_PER_POSITIVE, unwanted.size())));
    while (chosen.size() < NEGATIVES_PER_POSITIVE) {
      String other = candidates.get(random.nextInt(candidates.size()));
      if (!reader.grades().containsKey(other) && !chosen.contains(other)) {
        chosen.add(other);
      }
    }
    return chosen;
  }

  private static void shuffle(List<String> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
