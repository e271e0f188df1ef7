package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.SearchMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report keeps dev and test apart, kinds in a fixed order, and says how long searches took. */
class RelevanceReportTest {

  private final Yardstick yardstick =
      Yardstick.load(Path.of("src/test/resources/fixtures/yardstick-format"));

  @Test
  void devAndTestGetTheirOwnTablesWithKindsInReportOrderAndOverallLast() {
    // every query's nDCG@10 is its position in the list, so each row's mean can be told apart
    List<Evaluation.Measured> measured =
        yardstick.queries().stream()
            .map(q -> new Evaluation.Measured(q, scores(yardstick.queries().indexOf(q) / 10.0)))
            .toList();
    Map<SearchMode, Duration> time = new EnumMap<>(SearchMode.class);
    List.of(SearchMode.values()).forEach(m -> time.put(m, Duration.ofMillis(8)));
    String md =
        RelevanceReport.markdown(
            List.of(new Evaluation.Result("model-x", measured, time)), yardstick, "eval", "today");

    String dev = md.substring(md.indexOf("### dev"), md.indexOf("### test"));
    String test = md.substring(md.indexOf("### test"));
    assertThat(dev).containsSubsequence("| paraphrase | 1 | 0.000", "| author | 1 | 0.100");
    assertThat(dev).containsSubsequence("| author |", "| **overall** | 2 | 0.050");
    assertThat(test).containsSubsequence("| question | 1 | 0.200", "| title | 1 | 0.300");
    assertThat(test).contains("| **overall** | 2 | 0.250").doesNotContain("paraphrase");
    assertThat(md).contains("2 dev and 2 test queries", "keyword 2.0 ms");
  }

  private static Map<SearchMode, Evaluation.Score> scores(double ndcg) {
    Map<SearchMode, Evaluation.Score> byMode = new EnumMap<>(SearchMode.class);
    for (SearchMode mode : SearchMode.values()) {
      byMode.put(mode, new Evaluation.Score(ndcg, 1, 1, 1));
    }
    return byMode;
  }
}
