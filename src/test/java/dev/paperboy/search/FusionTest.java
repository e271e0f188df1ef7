package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class FusionTest {

  private static final double FLOOR = 0.15;
  private static final Fusion EVEN = new Fusion(0, 0, 0, 0, 0);
  private static final Fusion.Evidence SURE = new Fusion.Evidence(1, true);

  @Test
  void aPaperFoundBothWaysOutranksPapersFoundOneWay() {
    List<ScoreDoc> fused =
        EVEN.fuse(
            SURE, List.of(bm25(1, 10), bm25(2, 8)), List.of(near(2, 0.6), near(3, 0.55)), FLOOR);

    assertThat(fused).extracting(d -> d.doc).containsExactly(2, 1, 3);
  }

  @Test
  void papersWithEveryWordKeepTheirPlaceAboveHigherScoringPapersWithSome() {
    // the words list puts papers with every word first; a later, higher BM25 must not jump them
    double[] normalized = Fusion.normalized(List.of(bm25(1, 10), bm25(2, 6), bm25(3, 8)));

    assertThat(normalized).containsExactly(1, 0.6, 0.6);
  }

  @Test
  void aNeighbourAtTheMatchFloorCountsAsMuchAsNoneAtAll() {
    double[] normalized = Fusion.normalized(List.of(near(1, 0.55), near(2, FLOOR)), FLOOR);

    assertThat(normalized[0]).isEqualTo(1);
    assertThat(normalized[1]).isCloseTo(0, within(1e-6));
  }

  @Test
  void wordsTheCatalogDoesNotKnowShiftTheWeightToMeaning() {
    Fusion fusion = new Fusion(0, 2, 0, 0, 0);
    double[] words = {1, 0.5};

    assertThat(fusion.wordsWeight(new Fusion.Evidence(0.5, true), words, List.of()))
        .isLessThan(fusion.wordsWeight(SURE, words, List.of()));
  }

  @Test
  void whenNoPaperHasEveryWordMeaningWeighsMore() {
    Fusion fusion = new Fusion(0, 0, 2, 0, 0);
    double[] words = {1, 0.5};

    assertThat(fusion.wordsWeight(new Fusion.Evidence(1, false), words, List.of()))
        .isLessThan(fusion.wordsWeight(SURE, words, List.of()));
  }

  @Test
  void aClearWinnerByMeaningShiftsTheWeightToMeaning() {
    Fusion fusion = new Fusion(0, 0, 0, 0, 10);
    double[] words = {1, 0.5};
    List<ScoreDoc> flat = List.of(near(1, 0.50), near(2, 0.49));
    List<ScoreDoc> clear = List.of(near(1, 0.70), near(2, 0.40));

    assertThat(fusion.wordsWeight(SURE, words, clear))
        .isLessThan(fusion.wordsWeight(SURE, words, flat));
  }

  @Test
  void aClearWinnerByWordsShiftsTheWeightToWords() {
    Fusion fusion = new Fusion(0, 0, 0, 4, 0);

    assertThat(fusion.wordsWeight(SURE, new double[] {1, 0.3}, List.of()))
        .isGreaterThan(fusion.wordsWeight(SURE, new double[] {1, 0.95}, List.of()));
  }

  private static ScoreDoc bm25(int doc, float score) {
    return new ScoreDoc(doc, score);
  }

  /** Lucene's score of a neighbour at this cosine. */
  private static ScoreDoc near(int doc, double cosine) {
    return new ScoreDoc(doc, SimilarityFloors.score(cosine));
  }
}
