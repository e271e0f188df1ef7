package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperboy.foryou.Learner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's metrics on rankings whose scores are known, and its methods on vectors that
 * carry each paper's topic (a direction per topic plus noise), where a personal ranking must beat
 * one order for everyone.
 */
class ForYouEvaluationTest {

  private static final int DIMS = 48;
  private final Yardstick yardstick = Yardstick.load(Path.of("yardstick"));
  private final ForYouReaders readers = ForYouReaders.of(yardstick, 40, 16);
  private final ForYouEvaluation evaluation =
      new ForYouEvaluation(readers, topicVectors(), yardstick);
  private final List<String> candidates =
      readers.newer().stream().map(Yardstick.Paper::id).toList();

  @Test
  void rankingByTheJudgmentsThemselvesScoresOne() {
    ForYouReaders.Reader reader = readers.readers().get(0);
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = reader.grades().getOrDefault(candidates.get(i), 0) + 0.001f * (i % 7);
    }

    ForYouEvaluation.Score s = evaluation.measure(reader, scores);

    assertThat(s.ndcg10()).isCloseTo(1, within(1e-9));
    assertThat(s.recall50()).isCloseTo(1, within(1e-9));
    assertThat(s.mrr()).isCloseTo(1, within(1e-9));
  }

  @Test
  void allTiedCountsAsARandomOrder() {
    ForYouReaders.Reader reader = readers.readers().get(0);

    ForYouEvaluation.Score s = evaluation.measure(reader, new float[candidates.size()]);

    // a positive among 5 tied papers: the mean of 1, 1/2, ..., 1/5
    assertThat(s.mrr()).isCloseTo((1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0) / 5, within(1e-9));
  }

  @Test
  void personalRankingsBeatOneOrderForEveryoneWhenVectorsCarryTheTopic() {
    ForYouEvaluation.Result result = evaluation.run(Learner.Settings.DEFAULT);

    for (Yardstick.Split split : Yardstick.Split.values()) {
      Map<ForYouEvaluation.Method, ForYouEvaluation.Score> s = result.scores().get(split);
      double trending = s.get(ForYouEvaluation.Method.TRENDING).ndcg10();
      assertThat(s.get(ForYouEvaluation.Method.MODEL).ndcg10()).isGreaterThan(trending + 0.3);
      assertThat(s.get(ForYouEvaluation.Method.CENTROID).ndcg10()).isGreaterThan(trending + 0.3);
      assertThat(s.get(ForYouEvaluation.Method.TWO_SAVES).ndcg10()).isGreaterThan(trending);
      assertThat(s.get(ForYouEvaluation.Method.MODEL).readers()).isEqualTo(40);
    }
  }

  @Test
  void arxivSanityFindsNewPapersThatShareWordsWithTheTaggedOnes() {
    ForYouEvaluation.Score s =
        evaluation.score(
            Yardstick.Split.DEV, ForYouEvaluation.Method.TFIDF_SVM, Learner.Settings.DEFAULT);
    ForYouEvaluation.Score trending =
        evaluation.score(
            Yardstick.Split.DEV, ForYouEvaluation.Method.TRENDING, Learner.Settings.DEFAULT);

    assertThat(s.ndcg10()).isGreaterThan(trending.ndcg10());
    assertThat(s.recall50()).isGreaterThan(0.5);
  }

  @Test
  void aBlendAtEitherEndRanksAsTheMethodItIsAllOf() {
    Learner.Settings d = Learner.Settings.DEFAULT;
    ForYouEvaluation.Method words = ForYouEvaluation.Method.TFIDF_SVM;

    ForYouEvaluation.Score allModel = evaluation.blend(Yardstick.Split.DEV, d, words, 0);
    ForYouEvaluation.Score allWords = evaluation.blend(Yardstick.Split.DEV, d, words, 1);

    assertThat(allModel)
        .isEqualTo(evaluation.score(Yardstick.Split.DEV, ForYouEvaluation.Method.MODEL, d));
    assertThat(allWords).isEqualTo(evaluation.score(Yardstick.Split.DEV, words, d));
    assertThat(allWords.ndcg10()).isNotEqualTo(allModel.ndcg10());
  }

  /** Each topic a random direction; each paper its topic's direction plus noise, unit length. */
  private Map<String, float[]> topicVectors() {
    SplittableRandom random = new SplittableRandom(48);
    Map<Integer, float[]> directions = new HashMap<>();
    Map<String, float[]> vectors = new HashMap<>();
    for (Yardstick.Paper p : yardstick.papers()) {
      float[] d = directions.computeIfAbsent(p.topic(), t -> gaussian(random, 1));
      float[] noise = gaussian(random, 0.15);
      float[] v = new float[DIMS];
      for (int i = 0; i < DIMS; i++) {
        v[i] = d[i] + noise[i];
      }
      vectors.put(p.id(), Learner.unit(v));
    }
    return vectors;
  }

  private static float[] gaussian(SplittableRandom random, double scale) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] =
          (float)
              (scale
                  * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                  * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return v;
  }
}
