package dev.paperboy.foryou;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Learns each reader's ranking: below {@link #FEW_POSITIVES} positives the centroid of the
 * positives (also when there is nothing to contrast them with), else an L2-regularized logistic
 * regression (liblinear) on the positives against the reader's explicit negatives and a background
 * sample of other papers, over the vectors standardized per dimension (see {@link Scale}).
 */
public final class Learner {

  /**
   * Below this many positives (so with one): centroid similarity. Tuned on the dev readers of
   * {@code eval --recommend}: with 2 saved papers the classifier against background papers already
   * ranks better than their centroid (nDCG@10 0.581 against 0.553).
   */
  public static final int FEW_POSITIVES = 2;

  /**
   * Training's knobs; {@link #DEFAULT} is what the product uses, tuned on the dev readers ({@code
   * eval --recommend --tune}): standardizing the vectors lifted dev nDCG@10 from 0.644 (raw, best C
   * = 1) to 0.657 at C = 0.003, on a plateau (0.655–0.662 for C 0.002–0.005, a down-vote worth 1–3
   * background papers); of its points, a down-vote worth 2 for the better MRR against negatives.
   *
   * @param standardized train on each dimension less its mean over its spread, not the raw vectors
   */
  public record Settings(
      int fewPositives,
      int maxPositives,
      int maxNegatives,
      int maxBackground,
      double cost,
      int copiesPerPositiveWeight,
      int copiesPerNegative,
      double positiveClassShare,
      boolean standardized) {

    public static final Settings DEFAULT =
        new Settings(FEW_POSITIVES, 1_000, 500, 500, 0.003, 4, 2, 0.7, true);

    /** These settings with another threshold for the centroid. */
    public Settings withFewPositives(int few) {
      return new Settings(
          few,
          maxPositives,
          maxNegatives,
          maxBackground,
          cost,
          copiesPerPositiveWeight,
          copiesPerNegative,
          positiveClassShare,
          standardized);
    }

    /** Always the centroid, however many positives: the baseline the classifier must beat. */
    public Settings centroidOnly() {
      return withFewPositives(Integer.MAX_VALUE);
    }
  }

  static {
    Linear.disableDebugOutput();
  }

  private Learner() {}

  /** Learns a reader's ranking; bounded sample sizes so one reader costs milliseconds. */
  public static ReaderRanker learn(Examples examples) {
    return learn(examples, Settings.DEFAULT);
  }

  public static ReaderRanker learn(Examples examples, Settings settings) {
    return learn(examples, settings, null);
  }

  /**
   * Learns a reader's ranking again after their feedback changed, starting the classifier from
   * their {@code previous} one (when it was one, over the same vectors): a few positives more or
   * less move the optimum little, so the solver needs fewer steps than from zero.
   */
  public static ReaderRanker refresh(Examples examples, ReaderRanker previous) {
    return learn(examples, Settings.DEFAULT, previous);
  }

  static ReaderRanker learn(Examples examples, Settings settings, ReaderRanker previous) {
    if (examples.positives().isEmpty()) {
      throw new IllegalArgumentException("examples.positives is empty: nothing to learn from");
    }
    boolean noNegatives = examples.negatives().isEmpty() && examples.background().isEmpty();
    if (examples.positives().size() < settings.fewPositives() || noNegatives) {
      return centroid(examples, settings);
    }
    return logistic(examples, settings, previous);
  }

  /** Index of the positive nearest to the candidate (cosine): the "because"; -1 when none. */
  public static int nearest(List<float[]> positives, float[] candidate) {
    int best = -1;
    double bestCosine = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < positives.size(); i++) {
      double c = cosine(positives.get(i), candidate);
      if (c > bestCosine) {
        bestCosine = c;
        best = i;
      }
    }
    return best;
  }

  /** The weighted mean of the positives, made unit length: scores are cosine similarities. */
  static ReaderRanker centroid(Examples examples, Settings settings) {
    List<Integer> kept = positivesKept(examples, settings);
    float[] sum = new float[examples.positives().get(0).length];
    for (int i : kept) {
      float[] v = examples.positives().get(i);
      float w = (float) examples.weight(i);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += w * v[d];
      }
    }
    return new ReaderRanker(ReaderRanker.CENTROID, unit(sum), 0, kept.size(), 0);
  }

  /**
   * Liblinear weighs examples only by class, so an example's weight is its number of copies in the
   * problem (the same loss term, counted that many times): a positive of weight 1 appears {@code
   * copiesPerPositiveWeight} times, one of weight 0.25 once; an explicit negative {@code
   * copiesPerNegative} times, a background paper once; positives of equal weight are one row each
   * (copies divided by their greatest common divisor: the same optimum, fewer rows). The class
   * weights then give the positives {@code positiveClassShare} of the total loss, however few they
   * are.
   */
  static ReaderRanker logistic(Examples examples, Settings settings, ReaderRanker previous) {
    int dims = examples.positives().get(0).length;
    List<float[]> negatives = first(examples.negatives(), settings.maxNegatives());
    List<float[]> background = first(examples.background(), settings.maxBackground());
    Scale scale =
        settings.standardized()
            ? Scale.of(background.isEmpty() ? negatives : background, dims)
            : Scale.identity(dims);
    List<Feature[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    List<Integer> positives = positivesKept(examples, settings);
    long[] copies = new long[positives.size()];
    long common = 0;
    for (int k = 0; k < copies.length; k++) {
      double w = examples.weight(positives.get(k));
      copies[k] = Math.max(1, Math.round(w * settings.copiesPerPositiveWeight()));
      common = gcd(common, copies[k]);
    }
    for (int k = 0; k < copies.length; k++) {
      add(
          rows,
          labels,
          scale.apply(examples.positives().get(positives.get(k))),
          +1,
          copies[k] / common);
    }
    int positiveRows = rows.size();
    negatives.forEach(v -> add(rows, labels, scale.apply(v), -1, settings.copiesPerNegative()));
    background.forEach(v -> add(rows, labels, scale.apply(v), -1, 1));
    Parameter parameter = parameter(settings, positiveRows, rows);
    if (previous != null
        && previous.kind().equals(ReaderRanker.LOGISTIC)
        && previous.dimensions() == dims) {
      // liblinear's weights are for the first label it meets, +1: the positives come first
      parameter.setInitSol(startingPoint(previous, scale));
    }
    Model model = Linear.train(problem(rows, labels, dims), parameter);
    return ranker(model, dims, scale, positives.size(), negatives.size() + background.size());
  }

  /**
   * Each dimension less its mean, over its spread, over a sample of the catalog: the classifier's
   * regularization then weighs every dimension alike. The learned weights are mapped back onto the
   * raw vectors, so scoring stays one dot product with the stored vectors.
   */
  record Scale(float[] mean, float[] spread) {

    static Scale identity(int dims) {
      float[] ones = new float[dims];
      java.util.Arrays.fill(ones, 1);
      return new Scale(new float[dims], ones);
    }

    static Scale of(List<float[]> sample, int dims) {
      if (sample.size() < 2) {
        return identity(dims);
      }
      double[] sum = new double[dims];
      double[] square = new double[dims];
      for (float[] v : sample) {
        for (int d = 0; d < dims; d++) {
          sum[d] += v[d];
          square[d] += v[d] * v[d];
        }
      }
      float[] mean = new float[dims];
      float[] spread = new float[dims];
      int n = sample.size();
      for (int d = 0; d < dims; d++) {
        mean[d] = (float) (sum[d] / n);
        double variance = square[d] / n - mean[d] * (double) mean[d];
        spread[d] = (float) Math.sqrt(Math.max(variance, 1e-8));
      }
      return new Scale(mean, spread);
    }

    float[] apply(float[] v) {
      float[] x = new float[v.length];
      for (int d = 0; d < v.length; d++) {
        x[d] = (v[d] - mean[d]) / spread[d];
      }
      return x;
    }
  }

  private static Parameter parameter(Settings settings, int positiveRows, List<Feature[]> rows) {
    Parameter parameter = new Parameter(SolverType.L2R_LR, settings.cost(), 0.01);
    int negativeRows = rows.size() - positiveRows;
    double share = settings.positiveClassShare();
    // a negative row weighs 1; the positive rows together weigh share / (1 − share) of them all
    double positive = share / (1 - share) * negativeRows / positiveRows;
    parameter.setWeights(new double[] {positive, 1}, new int[] {+1, -1});
    return parameter;
  }

  /** The previous raw weights in the scaled space: w·s per dimension, the bias plus w·mean. */
  private static double[] startingPoint(ReaderRanker previous, Scale scale) {
    double[] w = new double[previous.dimensions() + 1];
    double bias = previous.bias();
    for (int d = 0; d < previous.dimensions(); d++) {
      w[d] = previous.weights()[d] * scale.spread()[d];
      bias += previous.weights()[d] * scale.mean()[d];
    }
    w[previous.dimensions()] = bias;
    return w;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static Problem problem(List<Feature[]> rows, List<Double> labels, int dims) {
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = dims + 1;
    problem.bias = 1;
    problem.x = rows.toArray(Feature[][]::new);
    problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
    return problem;
  }

  /** The decision function for the positive class, whichever label liblinear put first. */
  private static ReaderRanker ranker(
      Model model, int dims, Scale scale, int positives, int negatives) {
    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == +1 ? 1 : -1;
    float[] weights = new float[dims];
    double shift = 0;
    for (int d = 0; d < dims; d++) {
      double scaled = sign * w[d] / scale.spread()[d];
      weights[d] = (float) scaled;
      shift += scaled * scale.mean()[d];
    }
    float bias = (float) (sign * w[dims] * model.getBias() - shift);
    return new ReaderRanker(ReaderRanker.LOGISTIC, weights, bias, positives, negatives);
  }

  /** Rows share one feature array per vector; liblinear only reads them. */
  private static void add(
      List<Feature[]> rows, List<Double> labels, float[] v, double label, long copies) {
    Feature[] row = features(v);
    for (long c = 0; c < copies; c++) {
      rows.add(row);
      labels.add(label);
    }
  }

  private static Feature[] features(float[] v) {
    Feature[] row = new Feature[v.length + 1];
    for (int d = 0; d < v.length; d++) {
      row[d] = new FeatureNode(d + 1, v[d]);
    }
    // the bias feature: index n, value problem.bias, as liblinear's own file reader appends it
    row[v.length] = new FeatureNode(v.length + 1, 1);
    return row;
  }

  /** The heaviest (most recent) positives, at most {@code maxPositives}, in their given order. */
  private static List<Integer> positivesKept(Examples examples, Settings settings) {
    int n = examples.positives().size();
    if (n <= settings.maxPositives()) {
      return IntStream.range(0, n).boxed().toList();
    }
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -examples.weight(i)))
        .limit(settings.maxPositives())
        .sorted()
        .toList();
  }

  /** The first {@code limit}: the caller hands over negatives newest first, background shuffled. */
  private static List<float[]> first(List<float[]> vectors, int limit) {
    return vectors.subList(0, Math.min(limit, vectors.size()));
  }

  public static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** A copy of {@code v} scaled to unit length (zero stays zero). */
  public static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float n = (float) Math.sqrt(s);
    float[] u = new float[v.length];
    for (int d = 0; d < v.length; d++) {
      u[d] = n == 0 ? 0 : v[d] / n;
    }
    return u;
  }
}
