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

  static List<Row> run(List<String> texts, int repeats) throws Exception {
    List<Row> rows = new ArrayList<>();
    // {max tokens, batch, threads}; the first row of each model is the shipped default.
    int[][] everyModel = {{128, 8, 2}, {256, 8, 2}};
    int[][] minilmOnly = {{128, 32, 2}, {128, 8, 1}};
    for (EmbeddingModel model : EmbeddingModel.builtIn()) {
      for (int[] s : everyModel) {
        rows.add(measure(model, texts, s[0], s[1], s[2], repeats));
      }
      if (model == EmbeddingModel.ALL_MINILM_L6_V2_Q) {
        for (int[] s : minilmOnly) {
          rows.add(measure(model, texts, s[0], s[1], s[2], repeats));
        }
      }
    }
    return rows;
  }

  /**
   * The library's own MiniLM wrapper with its defaults (its thread pool, its splitting of long
   * text), for scale: what we would get without our batching by length and truncation.
   */
  static double libraryDefault(List<String> texts, int repeats) {
    var model =
        new dev.langchain4j.model.embedding.onnx.allminilml6v2q
            .AllMiniLmL6V2QuantizedEmbeddingModel();
    var segments = texts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList();
    model.embedAll(segments.subList(0, Math.min(32, segments.size())));
    return Stats.median(repeats, () -> texts.size() / seconds(() -> model.embedAll(segments)));
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
