package dev.paperboy.yardstick;

import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs every yardstick query in every mode and averages the metrics per kind and overall. */
public final class Evaluation {

  /** Mean metrics of a group of queries in one mode. */
  public record Score(double ndcg10, double recall100, double mrr, int queries) {}

  /** Scores by query kind (and "overall"), then by mode. */
  public record Result(String model, Map<String, Map<SearchMode, Score>> byKind) {
    public Score overall(SearchMode mode) {
      return byKind.get(OVERALL).get(mode);
    }
  }

  public static final String OVERALL = "overall";

  private Evaluation() {}

  public static Result run(String model, Yardstick yardstick, PaperSearch search) {
    Map<String, Map<SearchMode, List<double[]>>> raw = new LinkedHashMap<>();
    for (Yardstick.Query q : yardstick.queries()) {
      for (SearchMode mode : SearchMode.values()) {
        double[] m = measure(search, q, mode);
        raw.computeIfAbsent(q.kind(), k -> new LinkedHashMap<>())
            .computeIfAbsent(mode, k -> new ArrayList<>())
            .add(m);
        raw.computeIfAbsent(OVERALL, k -> new LinkedHashMap<>())
            .computeIfAbsent(mode, k -> new ArrayList<>())
            .add(m);
      }
    }
    Map<String, Map<SearchMode, Score>> scores = new LinkedHashMap<>();
    raw.forEach(
        (kind, byMode) -> {
          Map<SearchMode, Score> s = new LinkedHashMap<>();
          byMode.forEach((mode, values) -> s.put(mode, mean(values)));
          scores.put(kind, s);
        });
    Map<SearchMode, Score> overall = scores.remove(OVERALL);
    scores.put(OVERALL, overall);
    return new Result(model, scores);
  }

  private static double[] measure(PaperSearch search, Yardstick.Query q, SearchMode mode) {
    List<String> ranked;
    try {
      SearchResults r = search.search(new SearchRequest(q.text(), mode, null, null, null, 1, 100));
      // what the reader is shown, in order: the results, else the papers closest in meaning
      ranked =
          Stream.concat(r.hits().stream(), r.closest().stream())
              .map(h -> h.paper().id().toString())
              .toList();
    } catch (InvalidQuery e) {
      ranked = List.of();
    }
    return new double[] {
      Metrics.ndcg(ranked, q.grades(), 10),
      Metrics.recall(ranked, q.grades(), 100),
      Metrics.reciprocalRank(ranked, q.grades())
    };
  }

  private static Score mean(List<double[]> values) {
    double[] sum = new double[3];
    values.forEach(
        v -> {
          for (int i = 0; i < 3; i++) {
            sum[i] += v[i];
          }
        });
    int n = values.size();
    return new Score(sum[0] / n, sum[1] / n, sum[2] / n, n);
  }
}
