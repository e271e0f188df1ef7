package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReaderStateTest {

  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

  private static ReaderState.Signal signal(String paper, How how, int hoursAgo, float x) {
    return new ReaderState.Signal(
        paper, "Title " + paper, how, NOW.minusSeconds(3600L * hoursAgo), new float[] {x, 1 - x});
  }

  @Test
  void aPaperSavedAndVotedForIsLearnedOnceAndExplainedAsSaved() {
    ReaderState reader =
        new ReaderState(
            UUID.randomUUID(),
            List.of(
                signal("a", How.VOTED, 1, 1),
                signal("a", How.SAVED, 5, 1),
                signal("b", How.UP, 2, 0)),
            List.of());
    assertThat(reader.distinctPositives())
        .extracting(ReaderState.Signal::paperId, ReaderState.Signal::how)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", How.SAVED),
            org.assertj.core.groups.Tuple.tuple("b", How.UP));
    assertThat(reader.examples(List.of()).positives()).hasSize(2);
  }

  @Test
  void newerPositivesWeighMoreAsInZoteroArxivDaily() {
    ReaderState reader =
        new ReaderState(
            UUID.randomUUID(),
            List.of(
                signal("a", How.SAVED, 1, 1),
                signal("b", How.SAVED, 2, 0),
                signal("c", How.IMPORTED, 3, 0)),
            List.of());
    double[] weights = reader.examples(List.of()).positiveWeights();
    assertThat(weights[0]).isEqualTo(1.0);
    assertThat(weights[1]).isLessThan(weights[0]).isGreaterThan(weights[2]);
    assertThat(weights[1]).isEqualTo(1 / (1 + Math.log10(2)));
  }

  @Test
  void theBackgroundLeavesOutTheReadersOwnPapers() {
    ReaderState reader =
        new ReaderState(
            UUID.randomUUID(),
            List.of(signal("a", How.SAVED, 1, 1)),
            List.of(signal("n", How.DOWN, 1, 0)));
    Examples examples =
        reader.examples(
            List.of(
                new Background.Paper("a", new float[] {1, 0}),
                new Background.Paper("n", new float[] {0, 1}),
                new Background.Paper("z", new float[] {0.5f, 0.5f})));
    assertThat(examples.background()).containsExactly(new float[] {0.5f, 0.5f});
    assertThat(examples.negatives()).hasSize(1);
  }

  @Test
  void anUndoneSignalOrANewOneChangesTheEvidence() {
    List<ReaderState.Signal> two =
        List.of(signal("a", How.SAVED, 1, 1), signal("b", How.SAVED, 2, 0));
    ReaderState.Evidence before = new ReaderState(UUID.randomUUID(), two, List.of()).evidence();
    assertThat(before).isEqualTo(new ReaderState.Evidence(2, 0, NOW.minusSeconds(3600)));
    assertThat(new ReaderState(UUID.randomUUID(), two.subList(1, 2), List.of()).evidence())
        .isNotEqualTo(before);
    assertThat(
            new ReaderState(UUID.randomUUID(), two, List.of(signal("n", How.NOT_INTERESTED, 0, 0)))
                .evidence()
                .newest())
        .isEqualTo(NOW);
  }

  @Test
  void theBestRowsComeHighestFirstAndTiesGoToTheNewerRow() {
    float[] scores = {0.1f, 0.9f, 0.5f, 0.9f, -2f, 0.7f};
    assertThat(ForYou.best(scores, 3)).containsExactly(1, 3, 5);
    assertThat(ForYou.best(scores, 10)).containsExactly(1, 3, 5, 2, 0, 4);
    assertThat(ForYou.best(new float[0], 3)).isEmpty();
  }
}
