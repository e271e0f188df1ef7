package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The For you section replaces its previous version and leaves the rest of the report alone. */
class ForYouReportTest {

  private static final String SEARCH = "# Relevance\n\nsearch tables\n\n## Models\n\nby hand\n";

  @Test
  void theSectionIsAppendedWhenTheReportHasNone() {
    String report = ForYouReport.into(SEARCH, ForYouReport.HEADING + "\n\nfirst\n");

    assertThat(report)
        .startsWith(SEARCH.stripTrailing())
        .endsWith(ForYouReport.HEADING + "\n\nfirst\n");
  }

  @Test
  void theSectionReplacesItsPreviousVersionAndKeepsWhatFollows() {
    String before = ForYouReport.into(SEARCH, ForYouReport.HEADING + "\n\nfirst\n");
    String withLater = before + "\n## For you: reading\n\nby hand too\n";

    String report = ForYouReport.into(withLater, ForYouReport.HEADING + "\n\nsecond\n");

    assertThat(report)
        .contains("## Models\n\nby hand\n")
        .contains("second")
        .doesNotContain("first")
        .contains("## For you: reading\n\nby hand too\n");
    assertThat(report.indexOf(ForYouReport.HEADING))
        .isEqualTo(report.lastIndexOf(ForYouReport.HEADING));
  }

  @Test
  void targetsAreCheckedOnTheFigures() {
    Map<ForYouEvaluation.Method, ForYouEvaluation.Score> test =
        new EnumMap<>(ForYouEvaluation.Method.class);
    test.put(ForYouEvaluation.Method.TRENDING, score(0.20));
    test.put(ForYouEvaluation.Method.CENTROID, score(0.40));
    test.put(ForYouEvaluation.Method.TFIDF_SVM, score(0.30));
    test.put(ForYouEvaluation.Method.MODEL, score(0.42));
    test.put(ForYouEvaluation.Method.TWO_SAVES, score(0.25));

    String targets = ForYouReport.targets(test);

    assertThat(targets)
        .contains("trending only = +0.220 (target ≥ +0.15: met)")
        .contains("centroid = +0.020 (target ≥ +0.03: **not met**)")
        .contains("trending only = +0.050 (target > 0: met)");
  }

  private static ForYouEvaluation.Score score(double ndcg) {
    return new ForYouEvaluation.Score(ndcg, 0, 0, 10);
  }
}
