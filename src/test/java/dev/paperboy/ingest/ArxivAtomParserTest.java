package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArxivAtomParserTest {

  private final CollectingSink sink = CollectingSink.parse(new ArxivAtomParser(), "arxiv-api.atom");

  @Test
  void readsEveryEntry() {
    assertThat(sink.rejections).isEmpty();
    assertThat(sink.papers)
        .extracting(p -> p.id().toString())
        .containsExactly("arxiv:2410.21271", "arxiv:hep-th/9901001", "arxiv:math.GT/0309136");
    assertThat(sink.positions).containsExactly("entry 1", "entry 2", "entry 3");
  }

  @Test
  void wrappedTitleAndAbstractAreJoinedWithLatexKept() {
    Paper p = sink.papers.get(0);
    assertThat(p.title())
        .isEqualTo(
            "Sparse Mixture-of-Experts Routing for $\\mathcal{O}(\\log n)$ Inference in Large"
                + " Language Models");
    assertThat(p.abstractText())
        .startsWith(
            "We study routing in sparse mixture-of-experts"
                + " transformers. Each token is sent to $k \\ll n$ experts,")
        .doesNotContain("\n")
        .doesNotContain("  ");
  }

  @Test
  void keepsVersionAuthorsAffiliationsAndMetadata() {
    Paper p = sink.papers.get(0);
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.authors())
        .containsExactly(
            new Author("Ada Quinlan", List.of("University of Edinburgh")),
            new Author(
                "Bertrand Okafor",
                List.of("ETH Zurich", "Max Planck Institute for Intelligent Systems")),
            Author.named("Chen Wei"));
    assertThat(p.primaryCategory()).isEqualTo("cs.CL");
    assertThat(p.categories()).containsExactly("cs.CL", "cs.LG");
    assertThat(p.published()).isEqualTo(LocalDate.of(2024, 10, 28));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2024, 10, 30));
    assertThat(p.links().pdf()).isEqualTo("http://arxiv.org/pdf/2410.21271v2");
    assertThat(p.links().abstractPage()).isEqualTo("http://arxiv.org/abs/2410.21271v2");
    assertThat(p.links().doi()).isEqualTo("10.48550/arXiv.2410.21271");
    assertThat(p.comment()).isEqualTo("14 pages, 6 figures; v2 adds ablations");
    assertThat(p.journalRef()).isEqualTo("Transactions on Machine Learning Research (2025)");
    assertThat(p.sources()).containsExactly("arxiv");
  }

  @Test
  void unicodeNamesSurviveAsWritten() {
    assertThat(sink.papers.get(1).authors())
        .extracting(Author::name)
        .containsExactly("Jürgen Schölkopf", "Łukasz Dąbrowski", "Zoë Núñez-García");
  }

  @Test
  void missingOptionalFieldsAreNullAndArxivLinksAreFilledIn() {
    Paper p = sink.papers.get(2);
    assertThat(p.comment()).isNull();
    assertThat(p.journalRef()).isNull();
    assertThat(p.links().doi()).isNull();
    assertThat(p.primaryCategory()).isEqualTo("math.GT");
    assertThat(p.links().pdf()).isEqualTo("https://arxiv.org/pdf/math.GT/0309136");
  }

  @Test
  void anEmptyFeedYieldsNothingAndNoError() {
    CollectingSink empty = CollectingSink.parse(new ArxivAtomParser(), "arxiv-api-empty.atom");
    assertThat(empty.papers).isEmpty();
    assertThat(empty.rejections).isEmpty();
  }

  @Test
  void anApiErrorEntryIsRejectedWithTheApisMessage() {
    CollectingSink error = CollectingSink.parse(new ArxivAtomParser(), "arxiv-api-error.atom");
    assertThat(error.papers).isEmpty();
    assertThat(error.rejections)
        .containsExactly(
            "entry 1: the arXiv API reported an error: incorrect id format for 1234.12345v99x");
  }
}
