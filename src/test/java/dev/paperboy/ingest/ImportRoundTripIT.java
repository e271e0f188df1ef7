package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportRoundTripIT extends SharedApplicationTest {

  @Test
  void importedPapersReachTheCatalogTheIndexAndTheApi() {
    importFixture("arxiv-api.atom");
    JsonNode paper = json("/api/papers/arxiv:2410.21271");
    assertThat(paper.get("title").asString()).startsWith("Sparse Mixture-of-Experts Routing");
    assertThat(paper.get("authors").get(1).get("affiliations").size()).isEqualTo(2);
    assertThat(
            json("/api/search?q=" + q("load-balancing")).get("results").get(0).get("id").asString())
        .isEqualTo("arxiv:2410.21271");
  }

  @Test
  void importingTheSameFileTwiceChangesNothing() {
    importFixture("arxiv-api.atom");
    importFixture("oai-arxivraw.xml");
    ImportReport again = importFixture("arxiv-api.atom");
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    ImportReport raw = importFixture("oai-arxivraw.xml");
    assertThat(List.of(raw.created(), raw.updated(), raw.unchanged())).containsExactly(0L, 0L, 1L);
  }

  @Test
  void aNewerVersionUpdatesThePaperAndAnOlderOneDoesNot() {
    ImportReport first = importText("v1.atom", atomFeed("2499.00001v1", "Original Title"));
    assertThat(first.created()).isEqualTo(1);
    ImportReport second = importText("v2.atom", atomFeed("2499.00001v2", "Revised Title"));
    assertThat(second.updated()).isEqualTo(1);
    ImportReport stale = importText("v1-again.atom", atomFeed("2499.00001v1", "Original Title"));
    assertThat(stale.unchanged()).isEqualTo(1);
    JsonNode paper = json("/api/papers/arxiv:2499.00001");
    assertThat(paper.get("title").asString()).isEqualTo("Revised Title");
    assertThat(paper.get("version").asInt()).isEqualTo(2);
    assertThat(json("/api/search?mode=keyword&q=revised").get("total").asInt()).isEqualTo(1);
    assertThat(json("/api/search?mode=keyword&q=" + q("title:original")).get("total").asInt())
        .isZero();
  }

  @Test
  void theSamePaperFromTwoSourcesIsOnePaperWithBothSourcesAndTheUpvotes() {
    importFixture("arxiv-api.atom");
    ImportReport hf = importFixture("hf-daily.json");
    assertThat(hf.rejected()).isEqualTo(1);
    JsonNode paper = json("/api/papers/arxiv:2410.21271");
    assertThat(paper.get("sources").toString()).contains("arxiv", "huggingface");
    assertThat(paper.get("version").asInt()).isEqualTo(2);
    assertThat(paper.get("links").get("code").asString())
        .isEqualTo("https://github.com/example/moe-routing");
    assertThat(paper.get("signals").get("huggingface upvotes").asLong()).isEqualTo(42);
    assertThat(importFixture("hf-daily.json").updated()).isZero();
  }

  @Test
  void aRecordWithoutArxivIdJoinsThePaperWithTheSameTitle() {
    importFixture("arxiv-api.atom");
    ImportReport report =
        importText(
            "same-title.jsonl",
            "{\"title\": \"knot floer homology of twisted torus knots.\", \"code_url\":"
                + " \"https://example.org/knots\"}\n");
    assertThat(report.created()).isZero();
    assertThat(report.updated()).isEqualTo(1);
    assertThat(json("/api/papers/arxiv:math.GT/0309136").get("links").get("code").asString())
        .isEqualTo("https://example.org/knots");
  }

  @Test
  void badRecordsAreReportedWithFileAndPositionAndTheRestIsImported() {
    ImportReport report = importFixture("papers.jsonl");
    assertThat(report.rejected()).isEqualTo(2);
    assertThat(report.rejections())
        .extracting(ImportReport.Rejection::position)
        .containsExactly("line 3", "line 5");
    assertThat(report.rejections()).allMatch(r -> r.file().equals("papers.jsonl"));
    assertThat(json("/api/papers/doi:10.1145/3000000.3000001").get("title").asString())
        .isEqualTo("Gradient Checkpointing for Memory-Efficient Training");
  }

  @Test
  void hostileFilesImportNothingHarmfulAndSayWhy() {
    ImportReport xxe = importFixture("xxe.atom");
    assertThat(xxe.created() + xxe.updated()).isZero();
    assertThat(xxe.rejections().get(0).reason()).contains("DOCTYPE");
    ImportReport bomb = importFixture("billion-laughs.atom");
    assertThat(bomb.created() + bomb.updated()).isZero();
    ImportReport truncated = importFixture("truncated.atom");
    assertThat(truncated.rejected()).isEqualTo(1);
    assertThat(json("/api/papers/arxiv:2410.30001").get("title").asString())
        .isEqualTo("A Complete Entry Before the Cut");
  }

  @Test
  void anUnknownFormatIsOneClearRejection() {
    ImportReport report = importText("notes.txt", "just some notes\n");
    assertThat(report.format()).isEqualTo("unknown format");
    assertThat(report.rejections())
        .singleElement()
        .extracting(ImportReport.Rejection::reason)
        .asString()
        .contains("not XML or JSON");
  }
}
