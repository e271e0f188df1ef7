package dev.paperboy.yardstick;

import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs every yardstick query in every mode and averages the metrics per part, kind and overall. */
public final class Evaluation {

  /** Mean metrics of a group of queries (or of one query) in one mode. */
  public record Score(double ndcg10, double recall100, double mrr, int queries) {}

  /** One query's metrics in every mode. */
  public record Measured(Yardstick.Query query, Map<SearchMode, Score> byMode) {}

  /** Every query's metrics, and the time spent searching in each mode. */
  public record Result(String model, List<Measured> measured, Map<SearchMode, Duration> time) {

    /** Scores of one part by query kind, then {@link #OVERALL} last, then by mode. */
    public Map<String, Map<SearchMode, Score>> byKind(Yardstick.Split split) {
      List<Measured> part = measured.stream().filter(m -> m.query().split() == split).toList();
      Map<String, Map<SearchMode, Score>> scores = new LinkedHashMap<>();
      for (String kind : Yardstick.KINDS) {
        List<Measured> group = part.stream().filter(m -> m.query().kind().equals(kind)).toList();
        if (!group.isEmpty()) {
          scores.put(kind, mean(group));
        }
      }
      scores.put(OVERALL, mean(part));
      return scores;
    }

    public Score overall(Yardstick.Split split, SearchMode mode) {
      return byKind(split).get(OVERALL).get(mode);
    }
  }

  public static final String OVERALL = "overall";

  private Evaluation() {}

  public static Result run(String model, Yardstick yardstick, PaperSearch search) {
    return run(model, yardstick, search, false);
  }

  /** With {@code asTyped}, queries are searched without spelling correction: the baseline. */
  public static Result run(String model, Yardstick yardstick, PaperSearch search, boolean asTyped) {
    Map<SearchMode, Duration> time = new EnumMap<>(SearchMode.class);
    List<Measured> measured = new ArrayList<>();
    for (Yardstick.Query q : yardstick.queries()) {
      Map<SearchMode, Score> byMode = new EnumMap<>(SearchMode.class);
      for (SearchMode mode : SearchMode.values()) {
        long start = System.nanoTime();
        List<String> ranked = ranked(search, q, mode, asTyped);
        time.merge(mode, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
        byMode.put(mode, score(ranked, q.grades()));
      }
      measured.add(new Measured(q, byMode));
    }
    return new Result(model, measured, time);
  }

  private static List<String> ranked(
      PaperSearch search, Yardstick.Query q, SearchMode mode, boolean asTyped) {
    try {
      SearchResults r =
          search.search(new SearchRequest(q.text(), mode, null, null, null, 1, 100, asTyped));
      // what the reader is shown, in order: the results, else the papers closest in meaning
      return Stream.concat(r.hits().stream(), r.closest().stream())
          .map(h -> h.paper().id().toString())
          .toList();
    } catch (InvalidQuery e) {
      return List.of();
    }
  }

  private static Score score(List<String> ranked, Map<String, Integer> grades) {
    return new Score(
        Metrics.ndcg(ranked, grades, 10),
        Metrics.recall(ranked, grades, 100),
        Metrics.reciprocalRank(ranked, grades),
        1);
  }

  private static Map<SearchMode, Score> mean(List<Measured> group) {
    Map<SearchMode, Score> means = new EnumMap<>(SearchMode.class);
    for (SearchMode mode : SearchMode.values()) {
      List<Score> scores = group.stream().map(m -> m.byMode().get(mode)).toList();
      int n = scores.size();
      means.put(
          mode,
          new Score(
              scores.stream().mapToDouble(Score::ndcg10).sum() / n,
              scores.stream().mapToDouble(Score::recall100).sum() / n,
              scores.stream().mapToDouble(Score::mrr).sum() / n,
              n));
    }
    return means;
  }
}
