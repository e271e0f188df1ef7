package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmbedderTest {

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("dev.paperboy.search.EmbeddingModel#builtIn")
  void paraphrasesLieCloserThanUnrelatedText(EmbeddingModel model) throws Exception {
    try (Embedder embedder = new Embedder(model, 256, 8, 2)) {
      List<float[]> v =
          embedder.embed(
              List.of(
                  "Pruning and quantization make neural networks smaller and faster.",
                  "Protein folding predicted from amino-acid sequences.",
                  "Compressing deep models by removing weights and lowering precision."));
      assertThat(v).allSatisfy(x -> assertThat(dot(x, x)).isCloseTo(1.0, within(1e-4)));
      assertThat(dot(v.get(0), v.get(2))).isGreaterThan(dot(v.get(0), v.get(1)) + 0.1);
      float[] query = embedder.embedQuery("making models smaller");
      assertThat(dot(query, v.get(0))).isGreaterThan(dot(query, v.get(1)));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.paperboy.search.EmbeddingModel#builtIn")
  void batchingBySortedLengthKeepsTheCallersOrder(EmbeddingModel model) throws Exception {
    try (Embedder batched = new Embedder(model, 256, 2, 2);
        Embedder single = new Embedder(model, 256, 1, 1)) {
      List<String> texts =
          List.of(
              "a much longer text about graph neural networks and message passing on molecules",
              "short",
              "medium length text on diffusion",
              "x");
      // The models are int8 with dynamic quantization: activation scales depend on the batch, so
      // the same text in another batch differs slightly; order mix-ups would differ a lot.
      List<float[]> a = batched.embed(texts);
      List<float[]> b = single.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        int nearest = 0;
        for (int k = 1; k < texts.size(); k++) {
          if (dot(a.get(i), b.get(k)) > dot(a.get(i), b.get(nearest))) {
            nearest = k;
          }
        }
        assertThat(nearest).as(texts.get(i)).isEqualTo(i);
        assertThat(dot(a.get(i), b.get(i))).as(texts.get(i)).isGreaterThan(0.95);
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  /**
   * Closing while other threads embed waits for them: closing the ONNX session under a running
   * batch crashed the JVM in native code (a stop during a background embedding). With the old
   * close, this test kills the test JVM.
   */
  @org.junit.jupiter.api.Test
  void closingWhileEmbeddingWaitsInsteadOfCrashing() throws Exception {
    Embedder embedder = new Embedder(EmbeddingModel.ALL_MINILM_L6_V2_Q, 256, 4, 2);
    List<String> texts =
        java.util.stream.IntStream.range(0, 200)
            .mapToObj(n -> "paper " + n + " on pruning, quantization and distillation of networks")
            .toList();
    java.util.concurrent.CompletableFuture<Object> embedding =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return embedder.embed(texts);
              } catch (RuntimeException e) {
                return e;
              }
            });
    Thread.sleep(200);
    embedder.close();
    Object outcome = embedding.get();
    // Either every vector was made before the close, or the batches not yet started were dropped.
    if (outcome instanceof List<?> vectors) {
      assertThat(vectors).hasSize(texts.size());
    } else {
      assertThat(outcome).isInstanceOf(RuntimeException.class);
    }
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> embedder.embed(List.of("after"))))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
  }
}
