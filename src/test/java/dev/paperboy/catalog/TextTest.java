package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void wrappedLinesBecomeOneLineAndLatexIsKept() {
    assertThat(Text.normalizeSpace("  Routing for\n   $\\mathcal{O}(\\log n)$\tInference \n"))
        .isEqualTo("Routing for $\\mathcal{O}(\\log n)$ Inference");
  }

  @Test
  void titleKeysIgnoreCaseAccentsAndPunctuation() {
    assertThat(Text.titleKey("Schölkopf's Kernels: A Review!"))
        .isEqualTo(Text.titleKey("scholkopf s kernels a review"));
  }

  @Test
  void cleanTextIsReturnedAsItIsAndOtherSpacesAreKeptAsBefore() {
    assertThat(Text.normalizeSpace("Already clean text")).isEqualTo("Already clean text");
    assertThat(Text.normalizeSpace("a\u00a0b  c")).isEqualTo("a\u00a0b c");
    assertThat(Text.normalizeSpace("")).isEmpty();
    assertThat(Text.titleKey("Plain ASCII: Title")).isEqualTo("plain ascii title");
  }

  @Test
  void cleanDropsWhatNeitherPostgresqlNorXmlCanHoldAndKeepsTheRest() {
    assertThat(Text.clean("a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf")).isEqualTo("abcdef");
    assertThat(Text.clean("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone  high, lone  low");
    assertThat(Text.clean("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
    assertThat(Text.clean("emoji \uD83D\uDE00 kept")).isEqualTo("emoji \uD83D\uDE00 kept");
  }

  @Test
  void cleanTextIsTheSameInstance() {
    String clean = "Sparse Routing \uD83D\uDE00 $\\alpha$";
    assertThat(Text.clean(clean)).isSameAs(clean);
  }

  @Test
  void aPaperCleansEveryFieldWhateverBuiltIt() {
    Paper p =
        new Paper(
            new PaperId("arxiv", "2611.00001"),
            1,
            "T\u0001itle",
            "Ab\u0000stract",
            java.util.List.of(new Author("N\u0002ame", java.util.List.of("Af\uFFFEf"))),
            "cs.CL\u0003",
            java.util.List.of("cs.CL\u0003"),
            null,
            null,
            new Links("https://x\u0000", null, "10.1/x\u0001", null),
            "Com\u0004ment",
            "J\u0005ref",
            java.util.List.of("arxiv"),
            null);
    assertThat(
            java.util.List.of(
                p.title(),
                p.abstractText(),
                p.authors().get(0).name(),
                p.authors().get(0).affiliations().get(0),
                p.primaryCategory(),
                p.categories().get(0),
                p.links().abstractPage(),
                p.links().doi(),
                p.comment(),
                p.journalRef()))
        .containsExactly(
            "Title",
            "Abstract",
            "Name",
            "Aff",
            "cs.CL",
            "cs.CL",
            "https://x",
            "10.1/x",
            "Comment",
            "Jref");
  }
}
