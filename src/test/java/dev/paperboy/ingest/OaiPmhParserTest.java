package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OaiPmhParserTest {

  @Test
  void arxivFormatRecordsAreRead() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-arxiv.xml");
    assertThat(sink.rejections).isEmpty();
    assertThat(sink.papers).hasSize(2);
    Paper p = sink.papers.get(0);
    assertThat(p.id()).hasToString("arxiv:2411.00001");
    assertThat(p.version()).isNull();
    assertThat(p.title())
        .isEqualTo("Retrieval-Augmented Generation with Contrastive Dense Retrievers");
    assertThat(p.authors())
        .containsExactly(
            new Author("Csaba Bal\\'azs", List.of("Monash University")),
            Author.named("Martin Luther King Jr"));
    assertThat(p.categories()).containsExactly("cs.CL", "cs.IR");
    assertThat(p.published()).isEqualTo(LocalDate.of(2024, 10, 31));
    assertThat(p.links().doi()).isEqualTo("10.1000/example.rag");
    assertThat(sink.papers.get(1).id()).hasToString("arxiv:physics/0601001");
  }

  @Test
  void deletedRecordsAreSkippedWithANoteAndTheTokenIsReported() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-arxiv.xml");
    assertThat(sink.notes).anyMatch(n -> n.contains("2411.00002 is marked deleted"));
    assertThat(sink.notes).anyMatch(n -> n.contains("resumptionToken 6277631|1001"));
  }

  @Test
  void arxivRawGivesVersionsDatesAndSplitAuthors() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-arxivraw.xml");
    assertThat(sink.rejections).isEmpty();
    Paper p = sink.papers.get(0);
    assertThat(p.id()).hasToString("arxiv:0704.0001");
    assertThat(p.version()).isEqualTo(2);
    assertThat(p.published()).isEqualTo(LocalDate.of(2007, 4, 2));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2007, 7, 24));
    assertThat(p.authors())
        .containsExactly(
            new Author("C. Bal\\'azs", List.of("Argonne")),
            Author.named("E. L. Berger"),
            new Author("P. M. Nadolsky", List.of("Argonne", "SMU")),
            Author.named("C.-P. Yuan"));
    assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    assertThat(p.title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(sink.notes).noneMatch(n -> n.contains("resumptionToken"));
  }

  @Test
  void anOaiErrorIsReportedByItsCode() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-error.xml");
    assertThat(sink.papers).isEmpty();
    assertThat(sink.rejections)
        .singleElement()
        .asString()
        .startsWith("OAI-PMH error: badResumptionToken: The value of the resumptionToken");
  }

  @Test
  void noRecordsMatchIsAnEmptyListNotAFailure() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-no-records.xml");
    assertThat(sink.papers).isEmpty();
    assertThat(sink.rejections).isEmpty();
    assertThat(sink.notes).singleElement().asString().contains("noRecordsMatch");
  }

  @Test
  void oaiDcRecordsWithAnArxivIdOrADoiAreReadAndOthersRejected() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-dc.xml");
    assertThat(sink.positions).containsExactly("record 1", "record 2");
    Paper arxiv = sink.papers.get(0);
    assertThat(arxiv.id()).hasToString("arxiv:2101.00001");
    assertThat(arxiv.version()).isEqualTo(2);
    assertThat(arxiv.title()).isEqualTo("Dublin Core Records With arXiv Identifiers");
    assertThat(arxiv.authors()).extracting(Author::name).containsExactly("Ada Quinlan", "Chen Wei");
    assertThat(arxiv.categories()).containsExactly("cs.CL");
    assertThat(arxiv.abstractText()).isEqualTo("We harvest oai_dc and keep the arXiv identity.");
    assertThat(arxiv.comment()).isEqualTo("8 pages");
    assertThat(arxiv.published()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(arxiv.updated()).isEqualTo(LocalDate.of(2021, 1, 5));
    Paper doi = sink.papers.get(1);
    assertThat(doi.id()).hasToString("doi:10.5555/example.77");
    assertThat(doi.published()).isNull();
    assertThat(sink.rejections)
        .containsExactly(
            "record 3: no arXiv id or DOI in dc:identifier",
            "record 5: no arXiv id or DOI in dc:identifier",
            "record 6: no arXiv id or DOI in dc:identifier");
    assertThat(sink.notes).anyMatch(n -> n.contains("repository.example.org:79 is marked deleted"));
  }

  @Test
  void aGetRecordAnswerIsItsOneRecord() {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-getrecord.xml");
    assertThat(sink.rejections).isEmpty();
    assertThat(sink.papers)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).hasToString("arxiv:cond-mat/0102003");
              assertThat(p.abstractText()).isEqualTo("A single record, fetched with GetRecord.");
            });
  }
}
