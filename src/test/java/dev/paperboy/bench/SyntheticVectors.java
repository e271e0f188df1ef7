package dev.paperboy.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Unit vectors in 256 clusters, standing in for paper embeddings so that a million papers need not
 * spend hours in the model: the vector index does the same work on them. Paper {@code i}'s vector
 * is the same in every run.
 */
final class SyntheticVectors {

  static final int DIMENSIONS = 384;

  private final float[][] centroids = new float[256][];
  private final long seed;

  SyntheticVectors(long seed) {
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < centroids.length; c++) {
      centroids[c] = unit(gaussian(random, null, 1f));
    }
  }

  float[] of(int i) {
    SplittableRandom random = new SplittableRandom(seed * 7_919 + i);
    return unit(gaussian(random, centroids[random.nextInt(centroids.length)], 0.35f));
  }

  /** Vector {@code i} of cluster {@code cluster}: a paper of one reader's field. */
  float[] inCluster(int cluster, int i) {
    SplittableRandom random = new SplittableRandom(seed * 104_729 + cluster * 1_000_003L + i);
    return unit(gaussian(random, centroids[Math.floorMod(cluster, centroids.length)], 0.35f));
  }

  private static float[] gaussian(SplittableRandom random, float[] around, float scale) {
    float[] v = new float[DIMENSIONS];
    for (int d = 0; d < v.length; d++) {
      double g =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      v[d] = (around == null ? 0 : around[d] * 20) + (float) g * scale;
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float n = (float) Math.sqrt(s);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
    return v;
  }

  /** PostgreSQL's hex form of the vector as the catalog stores it (float32, little-endian). */
  static String hex(float[] v) {
    StringBuilder s = new StringBuilder(2 + v.length * 8).append("\\x");
    for (float f : v) {
      int bits = Float.floatToIntBits(f);
      for (int b = 0; b < 4; b++) {
        int octet = (bits >>> (8 * b)) & 0xff;
        s.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 15, 16));
      }
    }
    return s.toString();
  }

  /** The fingerprint the application keeps beside each vector, of "title. abstract". */
  static String textHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
