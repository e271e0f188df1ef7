package dev.paperboy.yardstick;

import dev.paperboy.search.SearchMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The yardstick's results as Markdown tables, one per model. */
public final class RelevanceReport {

  private RelevanceReport() {}

  public static String markdown(
      List<Evaluation.Result> results, String command, String date, int papers, int queries) {
    StringBuilder md = new StringBuilder();
    md.append("# Relevance\n\n")
        .append("Measured on the yardstick in `yardstick/` (")
        .append(papers)
        .append(" papers, ")
        .append(queries)
        .append(" queries with graded judgments, written")
        .append(" by us) on ")
        .append(date)
        .append(" with:\n\n```sh\n")
        .append(command)
        .append("\n```\n\n")
        .append("nDCG@10 (gain 2^grade − 1), recall@100 and MRR (relevant = grade ≥ 1), mean")
        .append(" over the queries of each kind. K = keyword (BM25), S = semantic (nearest")
        .append(" neighbours of the query embedding), H = hybrid (reciprocal-rank fusion of")
        .append(" both).\n");
    for (Evaluation.Result r : results) {
      md.append("\n## ")
          .append(r.model())
          .append("\n\n")
          .append("| queries | n | nDCG@10 K | S | H | recall@100 K | S | H | MRR K | S | H |\n")
          .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (Map.Entry<String, Map<SearchMode, Evaluation.Score>> e : r.byKind().entrySet()) {
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
