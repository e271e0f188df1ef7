package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArxivSnapshotParserTest {

  private final CollectingSink sink =
      CollectingSink.parse(new ArxivSnapshotParser(), "arxiv-snapshot.jsonl");

  @Test
  void newStyleIdsTakeTheLastVersionAndTheDatesOfTheFirstAndLast() {
    Paper p = sink.papers.get(0);
    assertThat(p.id()).hasToString("arxiv:0704.0001");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.published()).isEqualTo(LocalDate.of(2007, 4, 2));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2007, 7, 24));
    assertThat(p.links().doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    assertThat(p.links().abstractPage()).isEqualTo("https://arxiv.org/abs/0704.0001");
    assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    assertThat(p.comment()).isEqualTo("37 pages, 15 figures; published version");
  }

  @Test
  void hardLineBreaksAndLeadingSpacesAreNormalised() {
    Paper p = sink.papers.get(0);
    assertThat(p.title())
        .isEqualTo("Prompt Photon Pairs at Collider Energies: a Differential Calculation");
    assertThat(p.abstractText())
        .isEqualTo(
            "A fully differential calculation of photon pairs is presented, with $p_T$ spectra"
                + " for both colliders.");
  }

  @Test
  void authorsComeFromAuthorsParsedAsFirstLastSuffix() {
    assertThat(sink.papers.get(0).authors())
        .extracting(Author::name)
        .containsExactly("A. Quinlan", "B. Okafor", "C. -P. Wei");
    assertThat(sink.papers.get(1).authors())
        .extracting(Author::name)
        .containsExactly("Rita Feld Jr.", "Sam Moreau");
  }

  @Test
  void oldStyleIdsAndSpaceSeparatedCategoriesWithThePrimaryFirst() {
    Paper p = sink.papers.get(1);
    assertThat(p.id()).hasToString("arxiv:hep-th/9901002");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.primaryCategory()).isEqualTo("hep-th");
    assertThat(p.categories()).containsExactly("hep-th", "gr-qc");
  }

  @Test
  void withoutAuthorsParsedTheAuthorsStringIsSplit() {
    Paper p = sink.papers.get(2);
    assertThat(p.authors()).extracting(Author::name).containsExactly("Ines Ruiz", "Tomas Lind");
    assertThat(p.categories()).containsExactly("cs.CL", "cs.LG", "stat.ML");
    assertThat(p.updated()).isEqualTo(p.published());
  }

  @Test
  void aBrokenLineIsRejectedByItsNumberInPlainWords() {
    assertThat(sink.positions).containsExactly("line 1", "line 2", "line 3");
    assertThat(sink.rejections)
        .containsExactly(
            "line 4: not valid JSON: it ends before the JSON is complete at column 121",
            "line 5: id is not an arXiv id: \"not-an-id\"");
  }
}
