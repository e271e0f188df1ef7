package dev.paperboy.bench;

import dev.paperboy.search.EmbedderProbe;
import dev.paperboy.yardstick.Metrics;
import dev.paperboy.yardstick.Yardstick;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Semantic nDCG@10 of two models and of their ensemble (the mean of the two cosines, which is the
 * cosine of the two unit vectors concatenated), by exact nearest neighbours over the yardstick, dev
 * and test apart (test in aggregate only). No index, no floors, no words: the three are compared
 * with one another here, not with {@code bin/paperboy eval}'s semantic mode.
 *
 * <p>Usage: {@code EnsembleBench YARDSTICK_DIR MODEL_DIR_A MODEL_DIR_B [MAX_TOKENS]}
 */
public final class EnsembleBench {

  private EnsembleBench() {}

  public static void main(String[] args) throws Exception {
    Yardstick yardstick = Yardstick.load(Path.of(args[0]));
    int maxTokens = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    List<String> texts =
        yardstick.papers().stream().map(p -> p.title() + ". " + p.abstractText()).toList();
    List<String> ids = yardstick.papers().stream().map(Yardstick.Paper::id).toList();
    double[][][] cosines = new double[2][][];
    String[] names = new String[2];
    for (int m = 0; m < 2; m++) {
      try (EmbedderProbe probe = EmbedderProbe.ofDirectory(Path.of(args[1 + m]), maxTokens, 2)) {
        names[m] = probe.signature();
        List<float[]> papers = probe.embed(texts);
        cosines[m] =
            yardstick.queries().stream()
                .map(q -> cosines(probe.embedQuery(q.text()), papers))
                .toArray(double[][]::new);
      }
    }
    report(names[0], yardstick, ids, cosines[0]);
    report(names[1], yardstick, ids, cosines[1]);
    double[][] mean = new double[cosines[0].length][];
    for (int q = 0; q < mean.length; q++) {
      int query = q;
      mean[q] =
          IntStream.range(0, ids.size())
              .mapToDouble(i -> (cosines[0][query][i] + cosines[1][query][i]) / 2)
              .toArray();
    }
    report(names[0] + " + " + names[1], yardstick, ids, mean);
  }

  private static double[] cosines(float[] query, List<float[]> papers) {
    double[] c = new double[papers.size()];
    for (int i = 0; i < c.length; i++) {
      float[] p = papers.get(i);
      for (int d = 0; d < p.length; d++) {
        c[i] += query[d] * p[d];
      }
    }
    return c;
  }

  private static void report(
      String name, Yardstick yardstick, List<String> ids, double[][] cosines) {
    for (Yardstick.Split split : Yardstick.Split.values()) {
      List<Double> ndcg = new ArrayList<>();
      for (int q = 0; q < cosines.length; q++) {
        Yardstick.Query query = yardstick.queries().get(q);
        if (query.split() != split) {
          continue;
        }
        double[] c = cosines[q];
        List<String> ranked =
            IntStream.range(0, ids.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -c[i]))
                .limit(100)
                .map(ids::get)
                .toList();
        ndcg.add(Metrics.ndcg(ranked, query.grades(), 10));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.3f | %d |%n",
          name,
          split.id(),
          ndcg.stream().mapToDouble(Double::doubleValue).average().orElse(0),
          ndcg.size());
    }
  }
}
