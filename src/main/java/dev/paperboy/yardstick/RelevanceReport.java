package dev.paperboy.yardstick;

import dev.paperboy.search.SearchMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The yardstick's results as Markdown tables, a dev and a test table per model. */
public final class RelevanceReport {

  private RelevanceReport() {}

  public static String markdown(
      List<Evaluation.Result> results, Yardstick yardstick, String command, String date) {
    StringBuilder md = new StringBuilder();
    md.append("# Relevance\n\n")
        .append("Measured on the yardstick in `yardstick/` (")
        .append(yardstick.papers().size())
        .append(" papers; ")
        .append(yardstick.queries(Yardstick.Split.DEV).size())
        .append(" dev and ")
        .append(yardstick.queries(Yardstick.Split.TEST).size())
        .append(" test queries with graded judgments, written by us) on ")
        .append(date)
        .append(" with:\n\n```sh\n")
        .append(command)
        .append("\n```\n\n")
        .append("Ranking is tuned on the dev queries only; the test queries are reported here and")
        .append(" never looked at one by one (see [yardstick/README.md](../yardstick/README.md)).")
        .append(" nDCG@10 (gain 2^grade − 1), recall@100 and MRR (relevant = grade ≥ 1), mean")
        .append(" over the queries of each kind. K = keyword (BM25), S = semantic (nearest")
        .append(" neighbours of the query embedding), H = hybrid (both, fused; see")
        .append(" [SEARCH.md](SEARCH.md)). Time is the mean wall-clock time of one search, the")
        .append(" queries one after another (first ones included, so a cold start counts).\n");
    for (Evaluation.Result r : results) {
      md.append("\n## ").append(r.model()).append("\n\n").append(timing(r)).append(".\n");
      for (Yardstick.Split split : Yardstick.Split.values()) {
        md.append("\n### ").append(split.id()).append("\n\n").append(table(r.byKind(split)));
      }
    }
    return md.toString();
  }

  /** Mean milliseconds per search in each mode, e.g. {@code keyword 1.2 ms, semantic 4.0 ms}. */
  public static String timing(Evaluation.Result r) {
    int n = r.measured().size();
    StringBuilder s = new StringBuilder("Time per search:");
    for (SearchMode mode : SearchMode.values()) {
      double ms = r.time().get(mode).toNanos() / 1e6 / n;
      s.append(mode == SearchMode.values()[0] ? " " : ", ")
          .append(mode.id())
          .append(String.format(Locale.ROOT, " %.1f ms", ms));
    }
    return s.toString();
  }

  private static String table(Map<String, Map<SearchMode, Evaluation.Score>> byKind) {
    StringBuilder md =
        new StringBuilder(
            "| queries | n | nDCG@10 K | S | H | recall@100 K | S | H | MRR K | S | H |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<SearchMode, Evaluation.Score>> e : byKind.entrySet()) {
      Map<SearchMode, Evaluation.Score> s = e.getValue();
      String kind = e.getKey().equals(Evaluation.OVERALL) ? "**overall**" : e.getKey();
      md.append("| ").append(kind).append(" | ").append(s.get(SearchMode.KEYWORD).queries());
      for (int metric = 0; metric < 3; metric++) {
        for (SearchMode mode : SearchMode.values()) {
          md.append(" | ").append(format(value(s.get(mode), metric)));
        }
      }
      md.append(" |\n");
    }
    return md.toString();
  }

  private static double value(Evaluation.Score s, int metric) {
    return switch (metric) {
      case 0 -> s.ndcg10();
      case 1 -> s.recall100();
      default -> s.mrr();
    };
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
