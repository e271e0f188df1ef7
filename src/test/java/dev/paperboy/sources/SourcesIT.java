package dev.paperboy.sources;

import static dev.paperboy.sources.FixtureServer.fixture;
import static dev.paperboy.sources.FixtureServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every source against a real HTTP server on loopback that misbehaves on cue. */
class SourcesIT extends PaperboyIntegrationTest {

  static final FixtureServer REMOTE = new FixtureServer();
  static final Path OWN_DATA = temp();

  @DynamicPropertySource
  static void sources(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
    registry.add("paperboy.sources.arxiv-oai-url", () -> REMOTE.url("/oai"));
    registry.add("paperboy.sources.arxiv-api-url", () -> REMOTE.url("/api/query"));
    registry.add("paperboy.sources.arxiv-rss-url", () -> REMOTE.url("/rss"));
    registry.add("paperboy.sources.hf-api-url", () -> REMOTE.url("/hf"));
    registry.add("paperboy.sources.categories", () -> "cs.CL");
    registry.add("paperboy.sources.attempts", () -> "3");
    registry.add("paperboy.sources.backoff", () -> "20ms");
    registry.add("paperboy.sources.read-timeout", () -> "1s");
    registry.add("paperboy.sources.arxiv-interval", () -> "10ms");
    registry.add("paperboy.sources.max-bytes", () -> "1000000");
    registry.add("paperboy.sources.contact", () -> "ops@example.org");
  }

  @Autowired Sync sync;
  @Autowired Catalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired SourceHttp http;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  private static Path temp() {
    try {
      return Files.createTempDirectory("paperboy-sources-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopRemote() {
    REMOTE.close();
  }

  @BeforeEach
  void freshState() {
    REMOTE.reset();
    jdbc.sql(
            "update source_state set next_run = now(), running_since = null,"
                + " last_success = null, last_error = null, last_error_at = null,"
                + " consecutive_failures = 0, papers_added = 0, harvested_until = null,"
                + " resumption_token = null, resumption_from = null")
        .update();
    jdbc.sql("delete from http_validator").update();
    jdbc.sql("delete from paper where id like 'arxiv:2611.%'").update();
  }

  private void threeOaiPages() {
    REMOTE.otherwise(
        "/oai",
        x -> {
          String q = x.getRequestURI().getRawQuery();
          if (q.contains("resumptionToken=t1")) {
            return fixture("sources/oai-page2.xml");
          }
          if (q.contains("resumptionToken=t2")) {
            return fixture("sources/oai-page3.xml");
          }
          String from = param(q, "from");
          String until = param(q, "until");
          return from.equals(until)
              ? status(
                  200,
                  "<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'><error"
                      + " code='noRecordsMatch'>empty</error></OAI-PMH>")
              : fixture("sources/oai-page1.xml");
        });
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return "";
  }

  private boolean stored(String id) {
    return catalog.find(PaperId.parse(id).orElseThrow()).isPresent();
  }

  private SourceStates.State state(Source source) {
    return new SourceStates(jdbc).get(source.id());
  }

  @Test
  void harvestsThreeResumptionPagesAndTheNextRunAsksOnlyForLaterDates() {
    threeOaiPages();
    SyncReport first = sync.run(Source.ARXIV);
    assertThat(first.requests()).isEqualTo(3);
    assertThat(first.created()).isEqualTo(5);
    LocalDate until = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    assertThat(REMOTE.seen().get(0).query())
        .contains("metadataPrefix=arXiv", "set=cs", "until=" + until);
    assertThat(REMOTE.seen().get(0).headers().get("User-agent").get(0))
        .contains("Paperboy", "ops@example.org");
    assertThat(state(Source.ARXIV).harvestedUntil()).isEqualTo(until);

    SyncReport again = sync.run(Source.ARXIV);
    assertThat(again.requests()).isZero();
    assertThat(again.notes()).anyMatch(n -> n.contains("up to date"));

    jdbc.sql("update source_state set harvested_until = harvested_until - 1").update();
    REMOTE.reset();
    threeOaiPages();
    sync.run(Source.ARXIV);
    assertThat(REMOTE.seen())
        .singleElement()
        .extracting(FixtureServer.Seen::query)
        .asString()
        .contains("from=" + until, "until=" + until);
  }

  @Test
  void aTruncatedPageKeepsWholeRecordsAndTheNextRunResumesAtThatPage() {
    threeOaiPages();
    REMOTE.then(
        "/oai", fixture("sources/oai-page1.xml"), fixture("sources/oai-page2-truncated.xml"));
    assertThatThrownBy(() -> sync.run(Source.ARXIV))
        .isInstanceOf(SourceUnavailable.class)
        .hasMessageContaining("page 2");
    assertThat(stored("arxiv:2611.90003")).isTrue();
    assertThat(stored("arxiv:2611.90004")).isFalse();
    SourceStates.State broken = state(Source.ARXIV);
    assertThat(broken.resumptionToken()).isEqualTo("cs|t1");
    assertThat(broken.lastError()).contains("cut short");

    REMOTE.reset();
    threeOaiPages();
    SyncReport resumed = sync.run(Source.ARXIV);
    assertThat(REMOTE.seen().get(0).query()).contains("resumptionToken=t1");
    assertThat(resumed.created()).isEqualTo(2);
    assertThat(resumed.unchanged()).isEqualTo(1);
    assertThat(state(Source.ARXIV).failures()).isZero();
  }

  @Test
  void a503WithRetryAfterIsHonouredAndThenSucceeds() {
    threeOaiPages();
    REMOTE.then("/oai", status(503, "busy", "Retry-After", "1"));
    assertThat(sync.run(Source.ARXIV).created()).isGreaterThanOrEqualTo(0);
    List<FixtureServer.Seen> seen = REMOTE.seen();
    assertThat(seen.get(1).atMillis() - seen.get(0).atMillis()).isGreaterThanOrEqualTo(900);
    assertThat(state(Source.ARXIV).failures()).isZero();
  }

  @Test
  void a500ThenSuccessAndAResetMidBodyAreRetriedWithoutDuplicates() {
    threeOaiPages();
    REMOTE.then("/oai", status(500, "oops"), FixtureServer.resetMidBody("sources/oai-page1.xml"));
    SyncReport report = sync.run(Source.ARXIV);
    assertThat(REMOTE.seen()).hasSize(5);
    assertThat(report.created() + report.unchanged()).isEqualTo(5);
    assertThat(
            jdbc.sql("select count(*) from paper where id like 'arxiv:2611.9000%'")
                .query(Long.class)
                .single())
        .isEqualTo(5);
  }

  @Test
  void aSlowServerTripsTheReadTimeoutAndIsRecorded() {
    REMOTE.otherwise("/hf/daily_papers", x -> FixtureServer.slow(3_000, "hf-daily.json"));
    assertThatThrownBy(() -> sync.run(Source.HUGGING_FACE)).hasMessageContaining("within 1 s");
    assertThat(REMOTE.seen()).hasSize(3);
    assertThat(state(Source.HUGGING_FACE).lastError()).startsWith("unreachable: no complete");
  }

  @Test
  void anAnswerOverTheSizeLimitIsRefused() {
    REMOTE.otherwise("/hf/daily_papers", x -> FixtureServer.ok(new byte[10 * 1024 * 1024]));
    assertThatThrownBy(() -> sync.run(Source.HUGGING_FACE))
        .hasMessageContaining("larger than 1,000,000 bytes");
    assertThat(REMOTE.seen()).hasSize(1);
  }

  @Test
  void malformedJsonKeepsTheItemsBeforeTheBreakAndRecordsTheError() {
    REMOTE.otherwise(
        "/hf/daily_papers",
        x ->
            status(
                200,
                "[{\"paper\": {\"id\": \"2611.70001\", \"title\": \"Before The Break\"}, \"numComments\": 2},"
                    + " {\"paper\": {\"id\": "));
    assertThatThrownBy(() -> sync.run(Source.HUGGING_FACE))
        .hasMessageContaining("malformed or cut short");
    assertThat(stored("arxiv:2611.70001")).isTrue();
    assertThat(state(Source.HUGGING_FACE).lastError()).contains("JSON");
  }

  @Test
  void huggingFaceBringsPapersWithUpvotesAndUsesConditionalGet() {
    REMOTE.otherwise(
        "/hf/daily_papers",
        x ->
            x.getRequestHeaders().containsKey("If-none-match")
                ? status(304, "")
                : fixture("hf-daily.json", "ETag", "\"v1\""));
    SyncReport first = sync.run(Source.HUGGING_FACE);
    assertThat(first.created() + first.updated()).isGreaterThanOrEqualTo(1);
    assertThat(REMOTE.seen().get(0).query()).startsWith("date=");
    assertThat(catalog.signals(PaperId.parse("arxiv:2410.22222").orElseThrow()))
        .containsEntry("huggingface upvotes", 7L);
    SyncReport second = sync.run(Source.HUGGING_FACE);
    assertThat(second.notes()).anyMatch(n -> n.contains("not modified"));
  }

  @Test
  void theDailyArxivFeedIsReadAndAnHtmlErrorPageIsAnError() {
    REMOTE.then("/rss/cs.CL", fixture("sources/rss-cs.CL.xml"));
    SyncReport report = sync.run(Source.ARXIV_RSS);
    assertThat(report.created()).isEqualTo(1);
    var paper = catalog.find(PaperId.parse("arxiv:2611.80001").orElseThrow()).orElseThrow();
    assertThat(paper.abstractText()).isEqualTo("We track dialogue state with a small model.");
    assertThat(paper.authors()).hasSize(3);

    REMOTE.then("/rss/cs.CL", status(200, "<!DOCTYPE html><html><body>Maintenance</body></html>"));
    assertThatThrownBy(() -> sync.run(Source.ARXIV_RSS)).hasMessageContaining("HTML page");
  }

  @Test
  void theArxivApiFetchesGivenIds() {
    REMOTE.then("/api/query", fixture("arxiv-api.atom"));
    SyncReport report = sync.arxivApi(List.of("2410.21271", "hep-th/9901001"));
    assertThat(REMOTE.seen().get(0).query()).contains("id_list=2410.21271%2Chep-th%2F9901001");
    assertThat(report.created() + report.unchanged() + report.updated()).isEqualTo(3);
  }

  @Test
  void anUnreachableSourceIsMarkedDegradesHealthAndTheSiteKeepsServing() {
    try (FixtureServer closed = new FixtureServer()) {
      String deadUrl = closed.url("/oai");
      closed.close();
      jdbc.sql(
              "update source_state set consecutive_failures = 2, last_error = 'unreachable: x'"
                  + " where source = 'huggingface'")
          .update();
      REMOTE.otherwise("/hf/daily_papers", x -> status(500, "down"));
      assertThatThrownBy(() -> sync.run(Source.HUGGING_FACE));
      assertThat(get("/actuator/health").body()).contains("DEGRADED");
      assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
      assertThat(get("/api/search?q=paper").statusCode()).isEqualTo(200);
      assertThat(getAsOperator("/sources").body()).contains("huggingface", "failing");
      assertThat(getAsOperator("/api/sources").body()).contains("\"state\":\"failing\"");
      assertThat(deadUrl).isNotBlank();
    }
  }

  private java.net.http.HttpResponse<String> postSync(String query) {
    return send(
        asOperator("/admin/sync" + query).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  @Test
  void aSourceAlreadyRunningIsAConflictNotAFailure() {
    jdbc.sql("update source_state set running_since = now() where source = 'huggingface'").update();

    var named = postSync("?source=huggingface");
    assertThat(named.statusCode()).isEqualTo(409);
    assertThat(named.headers().firstValue("Content-Type")).get().asString().contains("json");
    assertThat(named.body()).contains("\"error\"", "huggingface is already running");
    assertThat(REMOTE.seen()).isEmpty();

    // Among all sources, the busy one is one outcome and the others still run.
    REMOTE.then("/rss/cs.CL", fixture("sources/rss-cs.CL.xml"));
    threeOaiPages();
    var all = postSync("");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("huggingface is already running", "\"source\":\"arxiv-rss\"");
  }

  @Autowired SourceStates states;

  @Test
  void aClaimThatStopsBeingRenewedIsTakenOverAndALivingOneIsNot() {
    // An instance killed mid-run leaves its claim; once it is older than STALE_RUN, it is free.
    jdbc.sql(
            "update source_state set running_since = now() - make_interval(secs => ?)"
                + " where source = 'huggingface'")
        .param(SourceStates.STALE_RUN.toSeconds() + 5)
        .update();
    assertThat(states.claim("huggingface")).isTrue();

    // A living run renews its claim: taken back a little under STALE_RUN, it is renewed to now.
    jdbc.sql(
            "update source_state set running_since = now() - make_interval(secs => ?)"
                + " where source = 'huggingface'")
        .param(SourceStates.STALE_RUN.toSeconds() - 30)
        .update();
    try {
      states.renew("huggingface");
      assertThat(states.get("huggingface").runningSince())
          .isAfter(java.time.Instant.now().minusSeconds(60));
      assertThat(states.claim("huggingface")).isFalse();
    } finally {
      jdbc.sql("update source_state set running_since = null where source = 'huggingface'")
          .update();
    }
  }

  @Test
  void aFailureOnOurSideTellsTheOperatorNoExceptionNamesOrSql() {
    REMOTE.then("/rss/cs.CL", fixture("sources/rss-cs.CL.xml"));
    jdbc.sql("alter table paper rename to paper_moved_away").update();
    try {
      var answer = postSync("?source=arxiv-rss");
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("arxiv-rss failed on our side");
      String shown = answer.body() + getAsOperator("/sources").body();
      assertThat(shown)
          .contains("failed on our side")
          .doesNotContainIgnoringCase("exception")
          .doesNotContainIgnoringCase("sql")
          .doesNotContain("paper_moved_away", "org.springframework");
    } finally {
      jdbc.sql("alter table paper_moved_away rename to paper").update();
    }
  }

  @Test
  void theSyncCommandGoesThroughTheRunningServerAndPrintsWhatItDid() {
    threeOaiPages();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int status =
        new dev.paperboy.cli.Cli(
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                dev.paperboy.PaperboyApplication.class,
                new dev.paperboy.runtime.DataDirectory(OWN_DATA))
            .run("sync", "arxiv");
    assertThat(status).isZero();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("arxiv: 3 requests, 5 new, 0 updated, 0 unchanged, 0 rejected");
    assertThat(getAsOperator("/api/sources").body()).contains("\"papersAdded\":5");
  }

  @Test
  void aHostThatRefusesIsRetriedOnScheduleButNotWhileSomeoneWaits() {
    URI dead;
    try (FixtureServer closed = new FixtureServer()) {
      dead = URI.create(closed.url("/hf/daily_papers"));
    }
    double before = requests();
    assertThatThrownBy(() -> http.get(Source.HUGGING_FACE, dead, false))
        .isInstanceOf(SourceUnavailable.class)
        .hasMessageContaining("connection refused")
        .hasMessageContaining("after 3 tries");
    assertThat(requests() - before).as("scheduled: every try").isEqualTo(3);

    before = requests();
    assertThatThrownBy(
            () -> http.whileSomeoneWaits(() -> http.get(Source.HUGGING_FACE, dead, false)))
        .hasMessage("cannot reach " + dead.getAuthority() + ": connection refused");
    assertThat(requests() - before).as("someone waiting: one try").isEqualTo(1);
  }

  private double requests() {
    return meters
        .find("paperboy.source.requests")
        .tag("source", Source.HUGGING_FACE.id())
        .counter()
        .count();
  }

  void operatorViewsAskRelayedClientsForTheCredential() {
    for (String path : new String[] {"/sources", "/api/sources"}) {
      var relayed =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .header("X-Forwarded-For", "198.51.100.7")
                  .build());
      assertThat(relayed.statusCode()).as(path).isEqualTo(401);
    }
  }

  @Autowired ArxivCategories categories;

  /** The arXiv ids one API request asked for. */
  private static List<String> idList(FixtureServer.Seen request) {
    String ids =
        java.net.URLDecoder.decode(
            param(request.query(), "id_list"), java.nio.charset.StandardCharsets.UTF_8);
    return List.of(ids.split(","));
  }

  private List<String> askedFor() {
    return REMOTE.seen().stream()
        .filter(r -> r.path().equals("/api/query"))
        .flatMap(r -> idList(r).stream())
        .toList();
  }

  @Test
  void huggingFacePapersGetTheirArxivCategoriesAndCatFindsThem() {
    REMOTE.then("/hf/daily_papers", fixture("sources/hf-daily-uncategorized.json"));
    sync.run(Source.HUGGING_FACE);
    PaperId retrieval = PaperId.parse("arxiv:2611.50001").orElseThrow();
    assertThat(catalog.find(retrieval).orElseThrow().categories()).isEmpty();
    assertThat(get("/api/search?q=" + q("cat:cs.CL retrieval heads")).body())
        .doesNotContain("2611.50001");

    REMOTE.otherwise("/api/query", x -> fixture("sources/arxiv-api-categories.atom"));
    SyncReport filled = categories.run();
    assertThat(askedFor()).contains("2611.50001", "2611.50002");
    assertThat(filled.updated()).isGreaterThanOrEqualTo(2);
    var paper = catalog.find(retrieval).orElseThrow();
    assertThat(paper.categories()).containsExactly("cs.CL", "cs.AI");
    assertThat(paper.primaryCategory()).isEqualTo("cs.CL");
    assertThat(paper.version()).isEqualTo(2);
    assertThat(get("/api/search?q=" + q("cat:cs.CL retrieval heads")).body())
        .contains("arxiv:2611.50001");

    // Filled papers are not asked about again until a week has passed; then, for new versions.
    REMOTE.reset();
    REMOTE.otherwise("/api/query", x -> fixture("sources/arxiv-api-categories.atom"));
    categories.run();
    assertThat(askedFor()).doesNotContain("2611.50001");
    jdbc.sql(
            "update category_check set checked_at = now() - interval '8 days'"
                + " where paper_id = 'arxiv:2611.50001'")
        .update();
    jdbc.sql("update paper set published = current_date where id = 'arxiv:2611.50001'").update();
    categories.run();
    assertThat(askedFor()).contains("2611.50001");
  }

  @Test
  void categoriesAreAskedForAHundredIdsARequest() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      lines.append(
          String.format(
              "{\"id\": \"2611.%05d\", \"title\": \"Uncategorized %d\"}%n", 52000 + i, i));
    }
    importText("uncategorized.jsonl", lines.toString());
    REMOTE.otherwise("/api/query", x -> fixture("arxiv-api-empty.atom"));
    categories.run();
    List<FixtureServer.Seen> requests =
        REMOTE.seen().stream().filter(r -> r.path().equals("/api/query")).toList();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
    assertThat(requests).allSatisfy(r -> assertThat(idList(r)).hasSizeLessThanOrEqualTo(100));
    assertThat(askedFor()).contains("2611.52000", "2611.52149");
    assertThat(
            jdbc.sql("select count(*) from category_check where paper_id like 'arxiv:2611.52%'")
                .query(Long.class)
                .single())
        .isEqualTo(150);
  }
}
