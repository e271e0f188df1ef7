package dev.paperboy.foryou;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reader's learned ranking: a linear function of a paper's vector, {@code weights · v + bias}.
 *
 * @param kind {@link #CENTROID} (similarity to the positives' centroid) or {@link #LOGISTIC}
 * @param positives how many positives it learned from
 * @param negatives how many negatives (explicit and background) it learned from
 */
public record ReaderRanker(String kind, float[] weights, float bias, int positives, int negatives) {

  public static final String CENTROID = "centroid";
  public static final String LOGISTIC = "logistic";

  public ReaderRanker {
    if (!kind.equals(CENTROID) && !kind.equals(LOGISTIC)) {
      throw new IllegalArgumentException("kind must be centroid or logistic: " + kind);
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights is empty");
    }
  }

  public double score(float[] vector) {
    checkDimensions(vector.length);
    return scoreAll(vector, 1)[0];
  }

  /**
   * Scores every row of a row-major candidate matrix (rows × dims) at once: one matrix–vector
   * product.
   */
  public float[] scoreAll(float[] matrix, int rows) {
    int dims = weights.length;
    if (matrix.length != rows * dims) {
      throw new IllegalArgumentException(
          "matrix has " + matrix.length + " values, not " + rows + " rows of " + dims);
    }
    float[] scores = new float[rows];
    for (int r = 0; r < rows; r++) {
      int offset = r * dims;
      // four partial sums break the chain of dependent additions, so the JIT keeps more in flight
      float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      int d = 0;
      for (; d + 3 < dims; d += 4) {
        s0 += weights[d] * matrix[offset + d];
        s1 += weights[d + 1] * matrix[offset + d + 1];
        s2 += weights[d + 2] * matrix[offset + d + 2];
        s3 += weights[d + 3] * matrix[offset + d + 3];
      }
      for (; d < dims; d++) {
        s0 += weights[d] * matrix[offset + d];
      }
      scores[r] = s0 + s1 + s2 + s3 + bias;
    }
    return scores;
  }

  /** The weights as stored in {@code reader_model.weights}: float32, little-endian. */
  public byte[] weightsBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(weights.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(weights);
    return buffer.array();
  }

  public static ReaderRanker of(
      String kind, byte[] weights, float bias, int positives, int negatives) {
    if (weights.length % 4 != 0) {
      throw new IllegalArgumentException("weights is not a whole number of floats");
    }
    float[] w = new float[weights.length / 4];
    ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(w);
    return new ReaderRanker(kind, w, bias, positives, negatives);
  }

  public int dimensions() {
    return weights.length;
  }

  private void checkDimensions(int length) {
    if (length != weights.length) {
      throw new IllegalArgumentException(
          "vector has " + length + " dimensions, the ranking " + weights.length);
    }
  }
}
