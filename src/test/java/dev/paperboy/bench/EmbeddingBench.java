package dev.paperboy.bench;

import dev.paperboy.search.EmbedderProbe;
import dev.paperboy.search.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Embedding throughput of our {@code Embedder} (tokenize, sort by length, batch, infer, pool) next
 * to ONNX Runtime alone on the very same batches, in one run, per model and setting.
 */
public final class EmbeddingBench {

  /** One measured configuration. */
  record Row(String model, int maxTokens, int batch, int threads, double ours, double raw) {
    double ratio() {
      return ours / raw;
    }
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 512;
    for (Row r : run(count, 3)) {
      System.out.println(format(r));
    }
  }

  static List<Row> run(int count, int repeats) throws Exception {
    List<String> texts = SyntheticText.abstracts(count, 42);
    List<Row> rows = new ArrayList<>();
    for (EmbeddingModel model : EmbeddingModel.values()) {
      for (int[] setting : new int[][] {{256, 32, 1}, {256, 32, 2}, {128, 32, 2}}) {
        rows.add(measure(model, texts, setting[0], setting[1], setting[2], repeats));
      }
    }
    return rows;
  }

  static Row measure(
      EmbeddingModel model, List<String> texts, int maxTokens, int batch, int threads, int repeats)
      throws Exception {
    try (EmbedderProbe probe = new EmbedderProbe(model, maxTokens, batch, threads)) {
      probe.embed(texts.subList(0, Math.min(64, texts.size())));
      double ours = Stats.median(repeats, () -> texts.size() / seconds(() -> probe.embed(texts)));
      Object batches = probe.tokenize(texts);
      double raw =
          Stats.median(repeats, () -> texts.size() / seconds(() -> probe.inferAll(batches)));
      return new Row(model.id(), maxTokens, batch, threads, ours, raw);
    }
  }

  static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  static String format(Row r) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %.1f | %.1f | %.2f |",
        r.model(),
        r.maxTokens(),
        r.batch(),
        r.threads(),
        r.ours(),
        r.raw(),
        r.ratio());
  }
}
