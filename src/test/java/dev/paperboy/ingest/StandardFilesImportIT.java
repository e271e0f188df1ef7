package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** The files a new user brings on the first day import with the counts they expect, twice. */
class StandardFilesImportIT extends SharedApplicationTest {

  private static List<Long> counts(ImportReport r) {
    return List.of(r.created(), r.updated(), r.unchanged(), r.rejected());
  }

  @Test
  void theKaggleSnapshotImportsItsGoodLinesAndAgainChangesNothing() {
    ImportReport first = importFixture("arxiv-snapshot.jsonl");
    assertThat(first.format()).isEqualTo("arXiv metadata snapshot (Kaggle)");
    assertThat(counts(first)).containsExactly(3L, 0L, 0L, 2L);
    assertThat(counts(importFixture("arxiv-snapshot.jsonl"))).containsExactly(0L, 0L, 3L, 2L);
    JsonNode old = json("/api/papers/arxiv:hep-th/9901002");
    assertThat(old.get("version").asInt()).isEqualTo(3);
    assertThat(old.get("authors").get(0).get("name").asString()).isEqualTo("Rita Feld Jr.");
    assertThat(json("/api/papers/arxiv:0704.0001").get("published").asString())
        .isEqualTo("2007-04-02");
  }

  @Test
  void anAnnouncementFeedAddsPapersAndAReplacementUpdatesTheVersionInRssAtomOrGzip()
      throws IOException {
    importText("v1.atom", atomFeed("2611.00500v1", "Tokenizer Drift"));
    ImportReport rss = importFixture("arxiv-announce.rss");
    assertThat(rss.format()).isEqualTo("arXiv RSS 2.0 feed");
    assertThat(counts(rss)).containsExactly(3L, 1L, 0L, 0L);
    JsonNode replaced = json("/api/papers/arxiv:2611.00500");
    assertThat(replaced.get("version").asInt()).isEqualTo(3);
    assertThat(replaced.get("title").asString()).isEqualTo("Tokenizer Drift, Third Version");
    assertThat(replaced.get("published").asString()).isEqualTo("2025-01-01");

    ImportReport atom = importFixture("arxiv-announce.atom");
    assertThat(atom.format()).isEqualTo("arXiv announcement Atom feed");
    assertThat(counts(atom)).containsExactly(0L, 0L, 4L, 0L);
    ImportReport gzip =
        importer.importFile(
            "arxiv-announce.rss.gz", new ByteArrayInputStream(gzip("arxiv-announce.rss")));
    assertThat(gzip.format()).isEqualTo("gzip, arXiv RSS 2.0 feed");
    assertThat(counts(gzip)).containsExactly(0L, 0L, 4L, 0L);
  }

  @Test
  void anOaiDcHarvestImportsRecordsWithAnIdAndSumsUpTheRest() {
    ImportReport first = importFixture("oai-dc.xml");
    assertThat(counts(first)).containsExactly(2L, 0L, 0L, 3L);
    assertThat(first.rejections())
        .singleElement()
        .hasToString(
            "oai-dc.xml: 3 records: no arXiv id or DOI in dc:identifier (first at record 3)");
    assertThat(counts(importFixture("oai-dc.xml"))).containsExactly(0L, 0L, 2L, 3L);
    assertThat(json("/api/papers/doi:10.5555/example.77").get("title").asString())
        .isEqualTo("A Journal Article Known By Its DOI");
  }

  @Test
  void getRecordAnswersAndHuggingFaceSearchAnswersAreNamedAsWhatTheyAre() {
    ImportReport one = importFixture("oai-getrecord.xml");
    assertThat(one.format()).isEqualTo("OAI-PMH GetRecord");
    assertThat(one.created() + one.unchanged()).isEqualTo(1);
    ImportReport search = importFixture("hf-search.json");
    assertThat(search.format()).isEqualTo("Hugging Face paper search JSON");
    assertThat(search.created() + search.unchanged()).isEqualTo(2);
  }

  @Test
  void aNulOrControlCharacterCostsNoRecordAndEveryFeedWithThePaperStillAnswers() throws Exception {
    ImportReport report =
        importText(
            "control.jsonl",
            "{\"id\": \"2611.00601\", \"title\": \"Quokka\\u0001 Control\\u0000 Characters\","
                + " \"abstract\": \"Bell\\u0007 and \\uFFFF.\", \"authors\": [\"Ada\\u001F\"]}\n"
                + "{\"id\": \"2611.00602\", \"title\": \"Quokka Neighbour\"}\n");
    assertThat(counts(report)).containsExactly(2L, 0L, 0L, 0L);
    assertThat(json("/api/papers/arxiv:2611.00601").get("title").asString())
        .isEqualTo("Quokka Control Characters");
    for (String feed :
        List.of(
            "/feed/search.atom?q=quokka",
            "/feed/search.rss?q=quokka",
            "/feed/search.atom?q=quokka%01",
            "/feed/trending.atom?window=month",
            "/feed/trending.rss?window=day")) {
      HttpResponse<String> response = get(feed);
      assertThat(response.statusCode()).as(feed).isEqualTo(200);
      assertThat(parse(response.body()).getDocumentElement()).as(feed).isNotNull();
    }
    assertThat(get("/feed/search.atom?q=quokka").body()).contains("Quokka Control Characters");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static byte[] gzip(String fixture) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = StandardFilesImportIT.class.getResourceAsStream("/fixtures/" + fixture);
        GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      in.transferTo(out);
    }
    return bytes.toByteArray();
  }
}
