package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class YardstickTest {

  private final Yardstick yardstick = Yardstick.load(Path.of("yardstick"));

  @Test
  void holdsAtLeast300PapersAnd40QueriesOfSixKinds() {
    assertThat(yardstick.papers()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(yardstick.queries()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(yardstick.queries().stream().map(Yardstick.Query::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "exact", "paraphrase", "author", "acronym", "misspelling", "question");
  }

  @Test
  void everyQueryHasJudgedPapersAndIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    yardstick.papers().forEach(p -> assertThat(ids.add(p.id())).as(p.id()).isTrue());
    for (Yardstick.Query q : yardstick.queries()) {
      assertThat(q.grades()).as(q.text()).isNotEmpty();
      assertThat(ids).as(q.text()).containsAll(q.grades().keySet());
      assertThat(q.grades().values()).as(q.text()).allMatch(g -> g >= 1 && g <= 3);
    }
  }

  @Test
  void gradesFollowRankInTopic() {
    Yardstick.Query rag = yardstick.queries().get(0);
    assertThat(rag.grades())
        .containsEntry("arxiv:2601.01001", 3)
        .containsEntry("arxiv:2601.01004", 2)
        .containsEntry("arxiv:2601.01006", 1)
        .hasSize(6);
  }

  @Test
  void theCorpusBecomesJsonLinesOnePaperPerLine() {
    assertThat(yardstick.toJsonLines().lines()).hasSize(yardstick.papers().size());
  }
}
