package dev.paperboy.foryou;

import java.util.Arrays;
import java.util.List;

/**
 * A day's candidate papers stored column by column (dimension by dimension), so that scoring a
 * reader adds up scaled columns: an inner loop with no reduction, which the JIT turns into vector
 * instructions, where a row's dot product stays scalar. Each column is an array of its own: the JIT
 * (17 and 25 alike) vectorizes {@code into[i] += w * column[i]} but not the same loop reading one
 * long array at an offset, {@code column[offset + i]}, which it cannot prove free of overlap with
 * {@code into}: five times slower, measured (docs/PERFORMANCE.md).
 */
public final class Candidates {

  /**
   * Readers a caller should score at once: each column is then read once for all of them. The
   * fastest measured (docs/PERFORMANCE.md, "For you at 100,000 readers").
   */
  public static final int BLOCK = 8;

  private final float[][] columns;
  private final int rows;
  private final int dims;

  private Candidates(float[][] columns, int rows, int dims) {
    this.columns = columns;
    this.rows = rows;
    this.dims = dims;
  }

  /** From a row-major matrix (rows × dims), as {@link ReaderRanker#scoreAll} takes it. */
  public static Candidates of(float[] matrix, int rows) {
    if (rows <= 0 || matrix.length % rows != 0) {
      throw new IllegalArgumentException(
          "matrix has " + matrix.length + " values, not a whole number of " + rows + " rows");
    }
    int dims = matrix.length / rows;
    float[][] columns = new float[dims][rows];
    for (int r = 0; r < rows; r++) {
      for (int d = 0; d < dims; d++) {
        columns[d][r] = matrix[r * dims + d];
      }
    }
    return new Candidates(columns, rows, dims);
  }

  public int size() {
    return rows;
  }

  /** Every candidate's score under one reader's ranking. */
  public float[] scores(ReaderRanker ranker) {
    return scores(List.of(ranker))[0];
  }

  /**
   * Every candidate's score under each of several readers' rankings: each column is read once for
   * all of them, so a block of readers costs about one reader's memory traffic.
   */
  public float[][] scores(List<ReaderRanker> rankers) {
    float[][] scores = new float[rankers.size()][rows];
    float[][] weights = new float[rankers.size()][];
    for (int k = 0; k < rankers.size(); k++) {
      if (rankers.get(k).dimensions() != dims) {
        throw new IllegalArgumentException(
            "ranking has " + rankers.get(k).dimensions() + " dimensions, candidates " + dims);
      }
      Arrays.fill(scores[k], rankers.get(k).bias());
      weights[k] = rankers.get(k).weights();
    }
    for (int d = 0; d < dims; d++) {
      for (int k = 0; k < weights.length; k++) {
        addScaled(scores[k], weights[k][d], columns[d]);
      }
    }
    return scores;
  }

  private static void addScaled(float[] into, float w, float[] column) {
    for (int i = 0; i < into.length; i++) {
      into[i] += w * column[i];
    }
  }
}
