package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The learner on vectors drawn around a few directions ("topics"), where the right order is known:
 * papers of the reader's topics first, papers like the ones they dismissed last.
 */
class LearnerTest {

  private static final int DIMS = 64;
  private final SplittableRandom random = new SplittableRandom(16);
  private final float[] liked = direction();
  private final float[] alsoLiked = direction();
  private final float[] disliked = direction();

  @Test
  void aReaderWithFewPositivesIsRankedByTheirCentroid() {
    List<float[]> positives = around(liked, Learner.FEW_POSITIVES - 1);

    ReaderRanker ranker = Learner.learn(new Examples(positives, null, List.of(), background(50)));

    assertThat(ranker.kind()).isEqualTo(ReaderRanker.CENTROID);
    assertThat(ranker.bias()).isZero();
    assertThat(norm(ranker.weights())).isCloseTo(1.0, within(1e-5));
    float[] mean = Learner.unit(sum(positives));
    assertThat(ranker.score(mean)).isCloseTo(1.0, within(1e-5));
    assertThat(ranker.score(near(liked))).isGreaterThan(ranker.score(near(disliked)));
  }

  @Test
  void enoughPositivesAndNegativesTrainALogisticRanking() {
    // two topics next to the reader's, equally close to it; the reader dismissed papers of one
    float[] dismissedNeighbour = between(liked, disliked);
    float[] otherNeighbour = between(liked, alsoLiked);
    Examples examples =
        new Examples(around(liked, 20), null, around(dismissedNeighbour, 10), background(300));

    ReaderRanker ranker = Learner.learn(examples);

    assertThat(ranker.kind()).isEqualTo(ReaderRanker.LOGISTIC);
    assertThat(ranker.positives()).isEqualTo(20);
    assertThat(ranker.negatives()).isEqualTo(310);
    double neighbour = mean(ranker, around(otherNeighbour, 50));
    assertThat(mean(ranker, around(liked, 50))).isGreaterThan(neighbour);
    assertThat(neighbour).isGreaterThan(mean(ranker, background(100)));
    assertThat(mean(ranker, around(dismissedNeighbour, 50))).isLessThan(neighbour);
  }

  @Test
  void refreshingFromYesterdaysModelRanksAsLearningAnew() {
    List<float[]> positives = new ArrayList<>(around(liked, 20));
    List<float[]> background = background(300);
    ReaderRanker yesterday = Learner.learn(new Examples(positives, null, List.of(), background));
    positives.addAll(around(alsoLiked, 5));
    Examples today = new Examples(positives, null, around(disliked, 5), background);

    ReaderRanker anew = Learner.learn(today);
    ReaderRanker refreshed = Learner.refresh(today, yesterday);

    assertThat(refreshed.kind()).isEqualTo(ReaderRanker.LOGISTIC);
    assertThat(refreshed.positives()).isEqualTo(25);
    List<float[]> candidates = background(40);
    candidates.addAll(around(alsoLiked, 5));
    for (float[] c : candidates) {
      assertThat(refreshed.score(c)).isCloseTo(anew.score(c), within(0.1));
    }
    assertThat(mean(refreshed, around(alsoLiked, 20)))
        .isGreaterThan(mean(refreshed, background(50)));
  }

  @Test
  void standardizedTrainingScoresTheRawVectorsAsItsOwnScaleWould() {
    // every dimension stretched and shifted: standardizing undoes it, so the model learned on the
    // moved vectors, applied to moved vectors, gives the scores of the model learned on the
    // originals; a mistake in mapping the weights back onto raw vectors would show here
    float[] stretch = new float[DIMS];
    float[] shift = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      stretch[d] = (float) (0.2 + 3 * random.nextDouble());
      shift[d] = (float) (random.nextDouble() - 0.5);
    }
    List<float[]> positives = around(liked, 20);
    List<float[]> negatives = around(disliked, 10);
    List<float[]> background = background(300);
    ReaderRanker original = Learner.learn(new Examples(positives, null, negatives, background));
    ReaderRanker moved =
        Learner.learn(
            new Examples(
                moved(positives, stretch, shift),
                null,
                moved(negatives, stretch, shift),
                moved(background, stretch, shift)));

    assertThat(Learner.Settings.DEFAULT.standardized()).isTrue();
    List<float[]> candidates = background(30);
    candidates.addAll(around(liked, 10));
    for (float[] c : candidates) {
      float[] m = moved(List.of(c), stretch, shift).get(0);
      assertThat(moved.score(m)).isCloseTo(original.score(c), within(1e-2));
    }
    assertThat(mean(original, around(liked, 50))).isGreaterThan(mean(original, background(50)));
  }

  @Test
  void withoutAnyNegativesEvenManyPositivesFallBackToTheCentroid() {
    ReaderRanker ranker = Learner.learn(Examples.of(around(liked, 20)));

    assertThat(ranker.kind()).isEqualTo(ReaderRanker.CENTROID);
  }

  @Test
  void recentPositivesWeighMoreThanOldOnes() {
    List<float[]> positives = new ArrayList<>(around(liked, 10));
    positives.addAll(around(alsoLiked, 10));
    double[] weights = new double[20];
    Arrays.fill(weights, 0, 10, 1.0);
    Arrays.fill(weights, 10, 20, 0.1);

    for (List<float[]> background : List.of(List.<float[]>of(), background(200))) {
      ReaderRanker ranker = Learner.learn(new Examples(positives, weights, List.of(), background));
      assertThat(mean(ranker, around(liked, 30)))
          .as(ranker.kind())
          .isGreaterThan(mean(ranker, around(alsoLiked, 30)));
    }
  }

  @Test
  void explicitNegativesCountMoreThanBackgroundPapers() {
    List<float[]> positives = around(liked, 20);
    List<float[]> dismissed = around(disliked, 5);
    Learner.Settings once = withCopiesPerNegative(1);
    Learner.Settings thrice = withCopiesPerNegative(3);

    List<float[]> background = background(300);
    ReaderRanker weak = Learner.learn(new Examples(positives, null, dismissed, background), once);
    ReaderRanker strong =
        Learner.learn(new Examples(positives, null, dismissed, background), thrice);

    List<float[]> likeDismissed = around(disliked, 50);
    List<float[]> others = background(100);
    assertThat(mean(strong, likeDismissed) - mean(strong, others))
        .isLessThan(mean(weak, likeDismissed) - mean(weak, others));
  }

  @Test
  void samplesAreBounded() {
    Learner.Settings settings = Learner.Settings.DEFAULT;
    Examples examples =
        new Examples(
            around(liked, settings.maxPositives() + 7),
            null,
            around(disliked, settings.maxNegatives() + 3),
            background(settings.maxBackground() + 11));

    ReaderRanker ranker = Learner.learn(examples);

    assertThat(ranker.positives()).isEqualTo(settings.maxPositives());
    assertThat(ranker.negatives()).isEqualTo(settings.maxNegatives() + settings.maxBackground());
  }

  @Test
  void theMostRecentPositivesAreKeptWhenThereAreTooMany() {
    Learner.Settings settings =
        new Learner.Settings(Learner.FEW_POSITIVES, 10, 500, 500, 1, 4, 3, 0.5, false);
    List<float[]> positives = new ArrayList<>(around(alsoLiked, 20));
    positives.addAll(around(liked, 10));
    double[] weights = new double[30];
    Arrays.fill(weights, 0, 20, 0.2);
    Arrays.fill(weights, 20, 30, 1.0);

    ReaderRanker ranker =
        Learner.learn(new Examples(positives, weights, List.of(), background(0)), settings);

    assertThat(ranker.positives()).isEqualTo(10);
    assertThat(ranker.score(liked)).isGreaterThan(0.9);
  }

  @Test
  void scoringAllRowsAtOnceAgreesWithScoringEachRow() {
    ReaderRanker ranker =
        Learner.learn(new Examples(around(liked, 20), null, List.of(), background(100)));
    List<float[]> candidates = background(7);
    float[] matrix = new float[candidates.size() * DIMS];
    for (int r = 0; r < candidates.size(); r++) {
      System.arraycopy(candidates.get(r), 0, matrix, r * DIMS, DIMS);
    }

    float[] scores = ranker.scoreAll(matrix, candidates.size());

    for (int r = 0; r < candidates.size(); r++) {
      assertThat((double) scores[r]).isCloseTo(dot(ranker, candidates.get(r)), within(1e-4));
    }
  }

  @Test
  void weightsSurviveTheirStoredForm() {
    ReaderRanker ranker =
        Learner.learn(new Examples(around(liked, 20), null, List.of(), background(100)));

    ReaderRanker back =
        ReaderRanker.of(
            ranker.kind(),
            ranker.weightsBytes(),
            ranker.bias(),
            ranker.positives(),
            ranker.negatives());

    assertThat(back.weights()).containsExactly(ranker.weights());
    assertThat(back.weightsBytes()).hasSize(DIMS * 4);
    float[] v = near(liked);
    assertThat(back.score(v)).isEqualTo(ranker.score(v));
  }

  @Test
  void becauseIsTheNearestPositive() {
    List<float[]> positives = List.of(near(disliked), near(liked), near(alsoLiked));

    assertThat(Learner.nearest(positives, near(liked))).isEqualTo(1);
    assertThat(Learner.nearest(positives, near(alsoLiked))).isEqualTo(2);
    assertThat(Learner.nearest(List.of(), near(liked))).isEqualTo(-1);
  }

  @Test
  void nothingToLearnFromIsRefused() {
    assertThatThrownBy(() -> Learner.learn(Examples.of(List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positives");
    assertThatThrownBy(() -> new Examples(around(liked, 2), new double[] {1}, null, null))
        .hasMessageContaining("positiveWeights");
    assertThatCode(() -> Learner.learn(new Examples(around(liked, 1), null, null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void aScoredVectorOfTheWrongSizeIsRefused() {
    ReaderRanker ranker = Learner.learn(Examples.of(around(liked, 2)));

    assertThatThrownBy(() -> ranker.score(new float[DIMS + 1])).hasMessageContaining("dimensions");
    assertThatThrownBy(() -> ranker.scoreAll(new float[DIMS + 1], 1)).hasMessageContaining("rows");
  }

  private static Learner.Settings withCopiesPerNegative(int copies) {
    Learner.Settings d = Learner.Settings.DEFAULT;
    return new Learner.Settings(
        d.fewPositives(),
        d.maxPositives(),
        d.maxNegatives(),
        d.maxBackground(),
        d.cost(),
        d.copiesPerPositiveWeight(),
        copies,
        d.positiveClassShare(),
        d.standardized());
  }

  private static List<float[]> moved(List<float[]> vectors, float[] stretch, float[] shift) {
    List<float[]> moved = new ArrayList<>();
    for (float[] v : vectors) {
      float[] m = new float[DIMS];
      for (int d = 0; d < DIMS; d++) {
        m[d] = stretch[d] * v[d] + shift[d];
      }
      moved.add(m);
    }
    return moved;
  }

  private static float[] between(float[] a, float[] b) {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = a[d] + b[d];
    }
    return Learner.unit(v);
  }

  private float[] direction() {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = (float) gaussian();
    }
    return Learner.unit(v);
  }

  /** A unit vector near {@code center}: a paper of that topic. */
  private float[] near(float[] center) {
    float[] v = new float[DIMS];
    for (int d = 0; d < DIMS; d++) {
      v[d] = center[d] + (float) (0.08 * gaussian());
    }
    return Learner.unit(v);
  }

  private List<float[]> around(float[] center, int n) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors.add(near(center));
    }
    return vectors;
  }

  private List<float[]> background(int n) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors.add(direction());
    }
    return vectors;
  }

  private double gaussian() {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static double mean(ReaderRanker ranker, List<float[]> vectors) {
    return vectors.stream().mapToDouble(ranker::score).average().orElseThrow();
  }

  private static double dot(ReaderRanker ranker, float[] v) {
    double s = ranker.bias();
    for (int d = 0; d < v.length; d++) {
      s += (double) ranker.weights()[d] * v[d];
    }
    return s;
  }

  private static float[] sum(List<float[]> vectors) {
    float[] s = new float[DIMS];
    for (float[] v : vectors) {
      for (int d = 0; d < DIMS; d++) {
        s[d] += v[d];
      }
    }
    return s;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
