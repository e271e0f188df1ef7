package dev.paperboy.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Readers bring their libraries over real HTTP into a real PostgreSQL; the arXiv API is a stub on
 * loopback that knows one paper.
 */
class LibraryImportIT extends PaperboyIntegrationTest {

  private static final Path DATA_DIR = tempDir();
  private static final List<String> ARXIV_ASKED = new CopyOnWriteArrayList<>();
  private static final HttpServer ARXIV = arxivStub();

  @DynamicPropertySource
  static void isolated(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
    registry.add(
        "paperboy.sources.arxiv-api-url",
        () -> "http://127.0.0.1:" + ARXIV.getAddress().getPort() + "/api/query");
    registry.add("paperboy.sources.attempts", () -> "1");
    registry.add("paperboy.sources.arxiv-interval", () -> "1ms");
  }

  /** An id the stub answers with 503, as an arXiv that cannot be reached does. */
  private static final String UNREACHABLE = "2501.00666";

  /**
   * Answers {@code id_list=2501.00042} with that paper, {@link #UNREACHABLE} with 503, anything
   * else with an empty feed.
   */
  private static HttpServer arxivStub() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/api/query",
          x -> {
            String query = x.getRequestURI().getQuery();
            ARXIV_ASKED.add(query);
            if (query.contains(UNREACHABLE)) {
              x.sendResponseHeaders(503, -1);
              x.close();
              return;
            }
            byte[] body =
                fixture(
                    query.contains("2501.00042")
                        ? "library/arxiv-fetched.atom"
                        : "arxiv-api-empty.atom");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopStub() {
    ARXIV.stop(0);
  }

  private static byte[] fixture(String name) {
    try (InputStream in = LibraryImportIT.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void catalog() {
    importFixture("library/catalog.jsonl");
  }

  private UUID id(Reader reader) {
    String session = reader.cookies().replaceAll(".*pb_csrf=test-csrf-", "");
    return UUID.fromString(session);
  }

  private Map<String, String> saved(Reader reader) {
    Map<String, String> origins = new java.util.TreeMap<>();
    jdbcClient
        .sql("select paper_id, origin from saved_paper where subscriber_id = ?")
        .param(id(reader))
        .query(
            rs -> {
              origins.put(rs.getString(1), rs.getString(2));
            });
    return origins;
  }

  private HttpResponse<String> upload(Reader reader, String csrf, String name, byte[] content) {
    String boundary = "----paperboy" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + csrf
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/library/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", reader.cookies())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private HttpResponse<String> getAs(Reader reader, String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .header("Cookie", reader.cookies())
            .build());
  }

  private HttpResponse<String> api(Reader reader, String type, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/library"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (reader != null) {
      // A cookie alone does not change anything through the API: the page's CSRF value rides too.
      request.header("Cookie", reader.cookies()).header("X-CSRF-Token", reader.csrf());
    }
    return send(request.build());
  }

  private HttpResponse<String> api(Reader reader, String type, String body) {
    return api(reader, type, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBibtexUploadAddsWhatMatchesListsTheRestAndFetchesTheArxivOne() {
    catalog();
    Reader reader = signIn("bib-upload@example.org");

    HttpResponse<String> page =
        upload(reader, reader.csrf(), "export.bib", fixture("library/export.bib"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "BibTeX: 7 entries; 4 added, 0 already in your library, 2 not in the catalog, 1"
                + " skipped.")
        .contains("entry 4, line 36: expected &#39;=&#39; after field &#39;title&#39; at line 37");
    assertThat(saved(reader))
        .containsEntry("arxiv:2401.00001", "import")
        .containsEntry("arxiv:1706.03762", "import")
        .containsEntry("doi:10.1145/3292500.3330701", "import")
        .containsEntry("arxiv:hep-th/9901001", "import");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(saved(reader)).containsEntry("arxiv:2501.00042", "import"));
    String library = getAs(reader, "/library").body();
    assertThat(library)
        .contains("The Art of Computer Programming")
        .doesNotContain("arXiv:2501.00042")
        .contains("A Paper Not Yet in the Catalog");
    assertThat(ARXIV_ASKED).anyMatch(q -> q.contains("id_list=2501.00042"));
  }

  @Test
  void importingTheSameLibraryTwiceChangesNothingAndKeepsEarlierSaves() {
    catalog();
    Reader reader = signIn("twice@example.org");
    postForm("/save", reader, "paper=arxiv:1706.03762");

    JsonNode first = JSON.readTree(api(reader, "text/plain", fixture("library/ids.txt")).body());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> statuses(reader).equals(List.of("not-found")));
    JsonNode second = JSON.readTree(api(reader, "text/plain", fixture("library/ids.txt")).body());

    assertThat(first.get("added").asInt()).isEqualTo(3);
    assertThat(first.get("already").asInt()).isEqualTo(1);
    assertThat(first.get("unmatched").get(0).get("arxivId").asString())
        .isEqualTo("math.GT/0309136");
    assertThat(first.get("unmatched").get(0).get("status").asString()).isEqualTo("fetching");
    assertThat(first.get("rejected").get(0).get("position").asString()).isEqualTo("line 10");
    assertThat(second.get("added").asInt()).isZero();
    assertThat(second.get("already").asInt()).isEqualTo(4);
    assertThat(statuses(reader)).containsExactly("not-found");
    assertThat(saved(reader)).containsEntry("arxiv:1706.03762", "save").hasSize(4);
  }

  private List<String> statuses(Reader reader) {
    return jdbcClient
        .sql("select status from library_unmatched where subscriber_id = ?")
        .param(id(reader))
        .query(String.class)
        .list();
  }

  @Test
  void theApiTakesIdsRisAndCslJsonAndSaysWhatBecameOfEachEntry() {
    catalog();
    Reader reader = signIn("api@example.org");

    HttpResponse<String> ids =
        api(
            reader,
            "application/json",
            "{\"ids\": [\"2401.00001v3\", \"10.1145/3292500.3330701\"]}");
    HttpResponse<String> ris =
        api(reader, "application/x-research-info-systems", fixture("library/export.ris"));
    HttpResponse<String> csl =
        api(reader, "application/vnd.citationstyles.csl+json", fixture("library/zotero.json"));

    assertThat(ids.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ids.body()).get("added").asInt()).isEqualTo(2);
    JsonNode fromRis = JSON.readTree(ris.body());
    assertThat(fromRis.get("format").asString()).isEqualTo("RIS");
    assertThat(fromRis.get("added").asInt()).isEqualTo(1);
    assertThat(fromRis.get("already").asInt()).isEqualTo(2);
    assertThat(fromRis.get("rejected").get(0).get("position").asString())
        .isEqualTo("record 3, line 14");
    JsonNode fromCsl = JSON.readTree(csl.body());
    assertThat(fromCsl.get("unmatched").get(0).get("title").asString())
        .isEqualTo("The Art of Computer Programming");
    assertThat(fromCsl.get("unmatched").get(0).get("status").asString()).isEqualTo("unmatched");
    assertThat(saved(reader)).hasSize(3);
  }

  @Test
  void hostileBodiesGetAClearRefusalNeverAServerError() {
    Reader reader = signIn("hostile@example.org");

    HttpResponse<String> bibtex = api(reader, "application/x-bibtex", "@article{x, title {no}}");
    HttpResponse<String> json = api(reader, "application/json", "[{\"title\": ");
    HttpResponse<String> xxe =
        api(
            reader,
            "application/xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
    HttpResponse<String> binary = api(reader, "application/octet-stream", new byte[] {0, 1, 2, 3});
    HttpResponse<String> empty = api(reader, "text/plain", "");
    // Sent chunked, so the limit is met while reading, not from a declared length.
    HttpResponse<String> huge =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/library"))
                .header("Content-Type", "text/plain")
                .header("Cookie", reader.cookies())
                .header("X-CSRF-Token", reader.csrf())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[17 * 1024 * 1024])))
                .build());
    HttpResponse<String> anonymous = api(null, "text/plain", "2401.00001");

    assertThat(bibtex.statusCode()).isEqualTo(400);
    assertThat(error(bibtex))
        .contains("entry 1, line 1: expected '=' after field 'title' at line 1");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(error(json)).contains("item 1").contains("line 1, column");
    assertThat(xxe.statusCode()).isEqualTo(400);
    assertThat(error(xxe)).contains("XML is not a library format").doesNotContain("root:");
    assertThat(binary.statusCode()).isEqualTo(400);
    assertThat(error(binary)).contains("not text");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(error(anonymous)).contains("sign in");
  }

  private static String error(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("error").asString();
  }

  @Test
  void controlCharactersInAnEntryAreDroppedBeforeTheyAreStored() {
    Reader reader = signIn("control@example.org");

    HttpResponse<String> response =
        api(reader, "application/x-bibtex", "@misc{c, title = {Bell\u0007 and\u001b escape}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            jdbcClient
                .sql("select title from library_unmatched where subscriber_id = ?")
                .param(id(reader))
                .query(String.class)
                .single())
        .isEqualTo("Bell and escape");
  }

  @Test
  void theUploadFormRefusesWhatItShould() {
    Reader reader = signIn("form@example.org");

    HttpResponse<String> forged =
        upload(reader, "not-the-cookie", "ids.txt", fixture("library/ids.txt"));
    HttpResponse<String> malformed =
        upload(
            reader,
            reader.csrf(),
            "broken.bib",
            "@misc{a, title {x}}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> elsewhere = multipart(reader, "/settings", "--x--\r\n");
    HttpResponse<String> garbled = multipart(reader, "/library/import", "{");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("expected &#39;=&#39; after field &#39;title&#39;");
    assertThat(elsewhere.statusCode()).isEqualTo(415);
    assertThat(garbled.statusCode()).isBetween(400, 499);
  }

  private HttpResponse<String> multipart(Reader reader, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "multipart/form-data; boundary=x")
            .header("Cookie", reader.cookies())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void papersByMeAreFoundByAuthorAndAddedAsTheirs() {
    catalog();
    Reader reader = signIn("author@example.org");

    HttpResponse<String> found = getAs(reader, "/library/authors?name=" + q("Vera Sion"));
    HttpResponse<String> added =
        postForm("/library/add", reader, "origin=author&paper=arxiv:2402.00002&paper=nonsense");

    assertThat(found.body())
        .contains("Citation Graphs for Reader Models")
        .contains("Schrödinger Operators on Curved Branes")
        .doesNotContain("Attention Is All You Need");
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/library?added=1");
    assertThat(saved(reader)).containsExactly(Map.entry("arxiv:2402.00002", "author"));
  }

  @Test
  void theChoosingFormsRefuseWhatTheyDoNotOffer() {
    Reader reader = signIn("choosy@example.org");

    HttpResponse<String> origin = postForm("/library/add", reader, "origin=save&paper=x");
    HttpResponse<String> control = postForm("/library/add", reader, "origin=pick&paper=a%00b");
    HttpResponse<String> star = getAs(reader, "/library/authors?name=*");
    HttpResponse<String> tooLong = getAs(reader, "/library/authors?name=" + "y".repeat(5_000));

    assertThat(origin.statusCode()).isEqualTo(400);
    assertThat(origin.body()).contains("origin must be pick or author");
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(star.statusCode()).isEqualTo(200);
    assertThat(tooLong.statusCode()).isEqualTo(200);
    assertThat(saved(reader)).isEmpty();
  }

  @Test
  void aNewReaderPicksFromPapersOfTheirTopics() {
    catalog();
    Reader reader = signIn("picks@example.org");
    jdbcClient
        .sql("update subscriber set topics = ? where id = ?")
        .params(new String[] {"citation graphs"}, id(reader))
        .update();

    HttpResponse<String> start = getAs(reader, "/for-you/start");
    postForm("/library/add", reader, "origin=pick&paper=arxiv:2402.00002");
    HttpResponse<String> anonymous = get("/for-you/start");

    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body())
        .contains("Citation Graphs for Reader Models")
        .contains("value=\"pick\"");
    assertThat(saved(reader)).containsExactly(Map.entry("arxiv:2402.00002", "pick"));
    assertThat(anonymous.statusCode()).isEqualTo(302);
  }

  @Test
  void aReaderWhoKnowsEveryPaperOfTheirTopicsIsOfferedNoOtherFieldsPapers() {
    catalog();
    importText(
        "off-topic.jsonl",
        """
        {"id": "2702.00001", "title": "Sourdough Starters Over Winter", "authors": ["B. Aker"], "published": "2099-02-01"}
        """);
    Reader reader = signIn("knows-it-all@example.org");
    UUID id = id(reader);
    jdbcClient
        .sql("update subscriber set topics = ? where id = ?")
        .params(new String[] {"citation graphs"}, id)
        .update();
    // every paper but the newest, of another field, was recommended already
    jdbcClient
        .sql(
            "insert into recommendation (subscriber_id, paper_id, score) select ?, id, 1"
                + " from paper where id <> 'arxiv:2702.00001'")
        .param(id)
        .update();

    String offered = getAs(reader, "/for-you/start").body();

    assertThat(offered)
        .contains("Nothing of your topics to offer")
        .doesNotContain("Sourdough Starters Over Winter", "action=\"/library/add\"");
  }

  /** Measured once for docs/PERFORMANCE.md; the figure is printed, never asserted. */
  @Test
  void tenThousandEntriesImportInOneRequest() {
    StringBuilder papers = new StringBuilder();
    StringBuilder bibtex = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      String id = String.format("2611.%05d", i);
      String title = "Synthetic library paper number " + i;
      if (i < 2_000) {
        papers.append(String.format("{\"id\": \"%s\", \"title\": \"%s\"}%n", id, title));
      }
      bibtex.append(
          i < 1_000
              ? String.format(
                  "@misc{k%d, title = {x}, eprint = {%s}, archivePrefix = {arXiv}}%n", i, id)
              : String.format("@article{k%d, title = {%s}, year = {2026}}%n", i, title));
    }
    importer.importFile(
        "synthetic.jsonl",
        new ByteArrayInputStream(papers.toString().getBytes(StandardCharsets.UTF_8)),
        false);
    Reader reader = signIn("ten-thousand@example.org");

    long start = System.nanoTime();
    HttpResponse<String> response = api(reader, "application/x-bibtex", bibtex.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.get("entries").asInt()).isEqualTo(10_000);
    assertThat(result.get("added").asInt()).isEqualTo(2_000);
    assertThat(result.get("unmatchedCount").asInt()).isEqualTo(8_000);
    System.out.printf(
        "LIBRARY IMPORT: 10,000 BibTeX entries (%,d bytes), 2,000 matched, 8,000 unmatched: %,d ms%n",
        bibtex.length(), millis);
    // Only the newest unmatched entries are kept, however much is imported.
    assertThat(
            jdbcClient
                .sql(
                    "select count(*) from library_unmatched u join subscriber s"
                        + " on s.id = u.subscriber_id where s.email = ?")
                .param("ten-thousand@example.org")
                .query(Long.class)
                .single())
        .isEqualTo(2_000);
    HttpResponse<String> tooMany =
        api(reader, "application/x-bibtex", bibtex + "@misc{last, title = {One more entry}}\n");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(error(tooMany)).contains("at most 10,000", "split it");
  }

  @Test
  void entriesNamingOnePaperTwiceAreCountedAsRepeatsSoTheCountsAddUp() {
    catalog();
    Reader reader = signIn("repeats@example.org");
    // The same paper by eprint and by arXiv's DOI, another by DOI and by title, one unmatched
    // entry twice, and one malformed entry.
    String bibtex =
        """
        @misc{a, title = {x}, eprint = {2401.00001}, archivePrefix = {arXiv}}
        @misc{b, doi = {10.1145/3292500.3330701}}
        @misc{c, doi = {10.48550/arXiv.2401.00001}}
        @article{d, title = {Graph Embeddings at Scale for Recommendation}}
        @book{e, title = {A Book Nobody Catalogued}}
        @book{f, title = {A Book Nobody Catalogued}}
        @misc{g, title {broken}}
        """;

    HttpResponse<String> page =
        upload(reader, reader.csrf(), "repeats.bib", bibtex.getBytes(StandardCharsets.UTF_8));
    JsonNode api = JSON.readTree(api(reader, "application/x-bibtex", bibtex).body());

    assertThat(page.body())
        .contains(
            "BibTeX: 7 entries; 2 added, 0 already in your library, 1 not in the catalog,"
                + " 1 skipped, 3 repeated in the file.");
    assertThat(api.get("entries").asInt()).isEqualTo(7);
    assertThat(api.get("already").asInt()).isEqualTo(2);
    assertThat(api.get("repeated").asInt()).isEqualTo(3);
    assertThat(
            api.get("added").asInt()
                + api.get("already").asInt()
                + api.get("unmatchedCount").asInt()
                + api.get("rejectedCount").asInt()
                + api.get("repeated").asInt())
        .isEqualTo(api.get("entries").asInt());
  }

  @Test
  void anArxivFetchThatFailsSaysSoAndTheNextImportTriesAgain() {
    Reader reader = signIn("arxiv-down@example.org");

    api(reader, "text/plain", UNREACHABLE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> statuses(reader).equals(List.of("fetch-failed")));
    String library = getAs(reader, "/library").body();
    api(reader, "text/plain", UNREACHABLE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ARXIV_ASKED.stream().filter(q -> q.contains(UNREACHABLE)).count() == 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> statuses(reader).equals(List.of("fetch-failed")));

    assertThat(library)
        .contains("fetch-failed")
        .contains("arXiv could not be reached")
        .contains("not retried by itself");
  }

  @Test
  void theFirstPicksLeaveOutWhatTheReaderHasSavedDismissedOrBeenRecommended() {
    // Dated after every other paper here, so these five are the newest the picks fall back on.
    importText(
        "picks.jsonl",
        """
        {"id": "2701.00001", "title": "Pick One Saved", "authors": ["P. Pick"], "published": "2099-01-05"}
        {"id": "2701.00002", "title": "Pick Two Voted Down", "authors": ["P. Pick"], "published": "2099-01-04"}
        {"id": "2701.00003", "title": "Pick Three Not Interesting", "authors": ["P. Pick"], "published": "2099-01-03"}
        {"id": "2701.00004", "title": "Pick Four Recommended", "authors": ["P. Pick"], "published": "2099-01-02"}
        {"id": "2701.00005", "title": "Pick Five Untouched", "authors": ["P. Pick"], "published": "2099-01-01"}
        """);
    Reader fresh = signIn("fresh-picks@example.org");
    Reader seen = signIn("seen-picks@example.org");
    UUID id = id(seen);
    jdbcClient
        .sql("insert into saved_paper (subscriber_id, paper_id) values (?, 'arxiv:2701.00001')")
        .param(id)
        .update();
    jdbcClient
        .sql(
            "insert into feedback (subscriber_id, paper_id, signal) values"
                + " (?, 'arxiv:2701.00002', 'down'), (?, 'arxiv:2701.00003', 'not-interested')")
        .params(id, id)
        .update();
    jdbcClient
        .sql(
            "insert into recommendation (subscriber_id, paper_id, score)"
                + " values (?, 'arxiv:2701.00004', 1)")
        .param(id)
        .update();

    String offeredFresh = getAs(fresh, "/for-you/start").body();
    String offeredSeen = getAs(seen, "/for-you/start").body();

    assertThat(offeredFresh)
        .contains("Pick One Saved", "Pick Two Voted Down", "Pick Three Not Interesting")
        .contains("Pick Four Recommended", "Pick Five Untouched");
    assertThat(offeredSeen)
        .contains("Pick Five Untouched")
        .doesNotContain("Pick One Saved", "Pick Two Voted Down", "Pick Three Not Interesting")
        .doesNotContain("Pick Four Recommended");
  }
}
