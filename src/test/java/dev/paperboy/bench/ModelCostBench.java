package dev.paperboy.bench;

import dev.paperboy.search.EmbedderProbe;
import dev.paperboy.yardstick.EmbeddingCost;
import dev.paperboy.yardstick.Yardstick;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What each model costs on this machine, apart from the relevance run (whose figures suffer when
 * other work shares the cores): {@link EmbeddingCost} measured {@code RUNS} times per model, in
 * turn, reported as the median run with the lowest and highest beside it.
 *
 * <p>Usage: {@code ModelCostBench YARDSTICK_DIR MAX_TOKENS RUNS MODEL_DIR...}
 */
public final class ModelCostBench {

  private ModelCostBench() {}

  public static void main(String[] args) throws Exception {
    Yardstick yardstick = Yardstick.load(Path.of(args[0]));
    int maxTokens = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    for (int m = 3; m < args.length; m++) {
      try (EmbedderProbe probe = EmbedderProbe.ofDirectory(Path.of(args[m]), maxTokens, 2)) {
        List<EmbeddingCost> costs = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          costs.add(EmbeddingCost.of(probe.embedder(), yardstick));
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | query p50 %s ms | paper %s ms |%n",
            probe.signature(),
            spread(costs, Comparator.comparingDouble(EmbeddingCost::queryMillisP50), true),
            spread(costs, Comparator.comparingDouble(EmbeddingCost::paperMillis), false));
      }
    }
  }

  private static String spread(
      List<EmbeddingCost> costs, Comparator<EmbeddingCost> by, boolean query) {
    List<Double> v =
        costs.stream().sorted(by).map(c -> query ? c.queryMillisP50() : c.paperMillis()).toList();
    return String.format(
        Locale.ROOT, "%.2f (%.2f–%.2f)", v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
  }
}
