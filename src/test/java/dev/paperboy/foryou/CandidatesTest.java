package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Scoring by columns gives the scores of scoring by rows, for one reader or a block of them. */
class CandidatesTest {

  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void columnsScoreAsRowsDo() {
    columnsScoreAsRowsDo(13, 10);
  }

  @Test
  void aDaysWorthOfCandidatesScoresAsRowsDo() {
    columnsScoreAsRowsDo(2_003, 24);
  }

  private void columnsScoreAsRowsDo(int rows, int dims) {
    float[] matrix = values(rows * dims);
    ReaderRanker a = new ReaderRanker(ReaderRanker.LOGISTIC, values(dims), 0.25f, 5, 50);
    ReaderRanker b = new ReaderRanker(ReaderRanker.CENTROID, values(dims), 0, 2, 0);
    Candidates candidates = Candidates.of(matrix, rows);

    float[][] blocked = candidates.scores(List.of(a, b));
    float[] alone = candidates.scores(a);

    assertThat(candidates.size()).isEqualTo(rows);
    float[] byRowsA = a.scoreAll(matrix, rows);
    float[] byRowsB = b.scoreAll(matrix, rows);
    for (int r = 0; r < rows; r++) {
      assertThat(alone[r]).isCloseTo(byRowsA[r], within(1e-5f));
      assertThat(blocked[0][r]).isCloseTo(byRowsA[r], within(1e-5f));
      assertThat(blocked[1][r]).isCloseTo(byRowsB[r], within(1e-5f));
    }
  }

  @Test
  void aRankingOfOtherDimensionsIsRefused() {
    Candidates candidates = Candidates.of(values(12), 3);
    ReaderRanker wide = new ReaderRanker(ReaderRanker.CENTROID, values(5), 0, 2, 0);

    assertThatThrownBy(() -> candidates.scores(wide)).hasMessageContaining("dimensions");
    assertThatThrownBy(() -> Candidates.of(values(10), 3)).hasMessageContaining("rows");
  }

  private float[] values(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return v;
  }
}
