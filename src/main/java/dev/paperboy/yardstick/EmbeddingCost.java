package dev.paperboy.yardstick;

import dev.paperboy.search.Embedder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a model costs on this machine: the median time to embed one yardstick query (the cost every
 * semantic or hybrid search pays), and the time per paper to embed a sample of the corpus the way
 * an import does (in batches, on every core). Each is measured after one warm-up round.
 */
public record EmbeddingCost(double queryMillisP50, double queryMillisP90, double paperMillis) {

  private static final int SAMPLE = 256;

  public static EmbeddingCost of(Embedder embedder, Yardstick yardstick) {
    List<String> queries = yardstick.queries().stream().map(Yardstick.Query::text).toList();
    List<String> papers =
        yardstick.papers().stream()
            .limit(SAMPLE)
            .map(p -> p.title() + ". " + p.abstractText())
            .toList();
    queries.forEach(embedder::embedQuery);
    double[] perQuery = new double[queries.size()];
    for (int i = 0; i < perQuery.length; i++) {
      String q = queries.get(i);
      perQuery[i] = millis(() -> embedder.embedQuery(q));
    }
    Arrays.sort(perQuery);
    embedder.embed(papers.subList(0, Math.min(32, papers.size())));
    double perPaper = millis(() -> embedder.embed(papers)) / papers.size();
    return new EmbeddingCost(
        perQuery[perQuery.length / 2], perQuery[perQuery.length * 9 / 10], perPaper);
  }

  private static double millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "embedding cost: query p50 %.2f ms (p90 %.2f), paper %.2f ms",
        queryMillisP50,
        queryMillisP90,
        paperMillis);
  }
}
