package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperIdTest {

  @Test
  void everySpellingOfANewStyleIdIsOnePaper() {
    for (String s :
        new String[] {
          "2410.21271", "2410.21271v2", "http://arxiv.org/abs/2410.21271v2",
          "https://arxiv.org/pdf/2410.21271v3.pdf", "arXiv:2410.21271", "oai:arXiv.org:2410.21271",
          "  2410.21271  "
        }) {
      assertThat(PaperId.parseArxiv(s))
          .as(s)
          .get()
          .extracting(PaperId.Versioned::id)
          .hasToString("arxiv:2410.21271");
    }
  }

  @Test
  void versionIsReadWhenPresent() {
    assertThat(PaperId.parseArxiv("http://arxiv.org/abs/2410.21271v2").orElseThrow().version())
        .isEqualTo(2);
    assertThat(PaperId.parseArxiv("2410.21271").orElseThrow().version()).isNull();
  }

  @Test
  void oldStyleIdsKeepTheirSlashAndSubjectClass() {
    assertThat(PaperId.parseArxiv("hep-th/9901001v1").orElseThrow())
        .isEqualTo(new PaperId.Versioned(new PaperId("arxiv", "hep-th/9901001"), 1));
    assertThat(PaperId.parseArxiv("math.GT/0309136").orElseThrow().id())
        .hasToString("arxiv:math.GT/0309136");
    assertThat(PaperId.parseArxiv("MATH.gt/0309136").orElseThrow().id())
        .hasToString("arxiv:math.GT/0309136");
    assertThat(PaperId.parseArxiv("http://arxiv.org/abs/hep-th/9901001v1").orElseThrow().id())
        .hasToString("arxiv:hep-th/9901001");
  }

  @Test
  void fiveDigitNumbersSince2015AreAccepted() {
    assertThat(PaperId.parseArxiv("0704.0001").orElseThrow().id()).hasToString("arxiv:0704.0001");
    assertThat(PaperId.parseArxiv("1501.00001v12").orElseThrow().version()).isEqualTo(12);
  }

  @Test
  void textThatIsNoIdIsRejected() {
    assertThat(PaperId.parseArxiv("transformers")).isEmpty();
    assertThat(PaperId.parseArxiv("2410.212")).isEmpty();
    assertThat(PaperId.parseArxiv("")).isEmpty();
    assertThat(PaperId.parseArxiv(null)).isEmpty();
  }

  @Test
  void doisAreCaseInsensitiveAndAcceptedAsUrls() {
    assertThat(PaperId.parseDoi("https://doi.org/10.1145/ABC.123").orElseThrow())
        .hasToString("doi:10.1145/abc.123");
    assertThat(PaperId.parse("doi:10.1145/abc.123").orElseThrow())
        .isEqualTo(new PaperId("doi", "10.1145/abc.123"));
  }

  @Test
  void titleIdsAreStableAcrossSpellingsOfTheSameTitle() {
    assertThat(PaperId.fromTitle("Notes on  Curriculum Learning"))
        .isEqualTo(PaperId.fromTitle("notes on curriculum learning."));
    assertThat(PaperId.parse(PaperId.fromTitle("x").toString()).orElseThrow())
        .isEqualTo(PaperId.fromTitle("x"));
  }

  @Test
  void arxivIdsNameTheMonthTheyWereAssigned() {
    assertThat(PaperId.parse("arxiv:2310.04567").orElseThrow().arxivMonth())
        .contains(java.time.YearMonth.of(2023, 10));
    assertThat(PaperId.parse("arxiv:hep-th/9901001").orElseThrow().arxivMonth())
        .contains(java.time.YearMonth.of(1999, 1));
    assertThat(PaperId.parse("arxiv:math.GT/0309136").orElseThrow().arxivMonth())
        .contains(java.time.YearMonth.of(2003, 9));
    assertThat(PaperId.parse("doi:10.1145/abc.123").orElseThrow().arxivMonth()).isEmpty();
  }

  /** Found by ImportFuzzTest: "v0" was read as version 0, and eleven digits overflowed an int. */
  @Test
  void aVersionIsANumberFromOneThatFitsAndAnythingElseIsNoArxivId() {
    assertThat(PaperId.parseArxiv("2410.21271v0")).isEmpty();
    assertThat(PaperId.parseArxiv("hep-th/9901001v99999999999")).isEmpty();
    assertThat(PaperId.parseArxiv("2410.21271v12").orElseThrow().version()).isEqualTo(12);
  }
}
