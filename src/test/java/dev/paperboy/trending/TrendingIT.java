package dev.paperboy.trending;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.support.SharedApplicationTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrendingIT extends SharedApplicationTest {

  static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

  @BeforeEach
  void papers() {
    importText(
        "trend.jsonl",
        String.format(
            """
        {"id": "2611.20001", "title": "Alpha & Omega: {Braces} in $\\\\mathcal{O}(n)$ Titles", "abstract": "About trending alpha.", "authors": ["Zoë Ñandú-Pérez", "Jörg Brühl"], "categories": ["cs.LG"], "published": "%s", "journal_ref": "J. Trends 1 (2026)"}
        {"id": "2611.20002", "title": "Beta Papers Rise", "abstract": "About trending beta.", "authors": ["Bea Tor"], "categories": ["cs.LG"], "published": "%s"}
        {"id": "2611.20003", "title": "Gamma Last Month", "abstract": "About trending gamma.", "authors": ["Gam Ma"], "categories": ["cs.LG"], "published": "%s"}
        """,
            TODAY, TODAY, LocalDate.now(ZoneOffset.UTC).minusDays(20)));
    jdbcClient.sql("delete from vote where paper_id like 'arxiv:2611.2000%'").update();
  }

  private List<String> trending(String window) {
    List<String> ids = new ArrayList<>();
    json("/api/trending?window=" + window)
        .get("results")
        .forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void votesMovePapersAsTheFormulaSaysWithinTheirWindow() {
    List<String> before = trending("day");
    assertThat(before.indexOf("arxiv:2611.20001")).isLessThan(before.indexOf("arxiv:2611.20002"));
    Reader reader = signIn("voter-one@example.org");
    assertThat(postForm("/vote", reader, "paper=arxiv:2611.20002&action=up").statusCode())
        .isEqualTo(302);
    List<String> after = trending("day");
    assertThat(after.indexOf("arxiv:2611.20002")).isLessThan(after.indexOf("arxiv:2611.20001"));
    assertThat(trending("day")).doesNotContain("arxiv:2611.20003");
    assertThat(trending("month")).contains("arxiv:2611.20003");

    // A vote older than the window no longer counts in it.
    jdbcClient
        .sql(
            "update vote set created_at = now() - interval '2 days'"
                + " where paper_id = 'arxiv:2611.20002'")
        .update();
    List<String> later = trending("day");
    assertThat(later.indexOf("arxiv:2611.20001")).isLessThan(later.indexOf("arxiv:2611.20002"));
    assertThat(get("/api/trending?window=year").statusCode()).isEqualTo(400);
  }

  @Test
  void aVoteOrSaveWithAnActionTheFormDoesNotOfferIsA400() {
    Reader reader = signIn("sideways@example.org");
    for (String form :
        new String[] {
          "/vote|paper=arxiv:2611.20002&action=sideways", "/save|paper=arxiv:2611.20002&action=x"
        }) {
      String[] parts = form.split("\\|");
      var answer = postForm(parts[0], reader, parts[1]);
      assertThat(answer.statusCode()).as(form).isEqualTo(400);
      assertThat(answer.body()).as(form).contains("action must be");
    }
    assertThat(
            jdbcClient
                .sql("select count(*) from vote where paper_id = 'arxiv:2611.20002'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onePersonGetsOneVoteUnderConcurrentDoubleClicksAndCanTakeItBack() throws Exception {
    Reader reader = signIn("clicker@example.org");
    Callable<Integer> click =
        () -> postForm("/vote", reader, "paper=arxiv:2611.20001&action=up").statusCode();
    var pool = Executors.newFixedThreadPool(4);
    for (var f : pool.invokeAll(List.of(click, click, click, click, click, click))) {
      assertThat(f.get()).isEqualTo(302);
    }
    pool.shutdown();
    assertThat(votes("arxiv:2611.20001")).isEqualTo(1);
    postForm("/vote", reader, "paper=arxiv:2611.20001&action=undo");
    assertThat(votes("arxiv:2611.20001")).isZero();
  }

  @Test
  void votesFromNewAccountsCountLessAndForgedVotesAreRefused() {
    Reader fresh = signIn("fresh@example.org");
    postForm("/vote", fresh, "paper=arxiv:2611.20002&action=up");
    assertThat(
            jdbcClient
                .sql("select weight from vote where paper_id = 'arxiv:2611.20002'")
                .query(Double.class)
                .single())
        .isEqualTo(0.25);
    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", fresh.cookies())
                .POST(HttpRequest.BodyPublishers.ofString("paper=arxiv:2611.20001&action=up"))
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(votes("arxiv:2611.20001")).isZero();
  }

  private long votes(String id) {
    return jdbcClient
        .sql("select count(*) from vote where paper_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void feedsParseWithRomeAndASearchFeedListsTheSamePapersAsThePage() throws Exception {
    for (String format : new String[] {"atom", "rss"}) {
      SyndFeed trending =
          new SyndFeedInput()
              .build(new StringReader(get("/feed/trending." + format + "?window=week").body()));
      assertThat(trending.getEntries())
          .extracting(SyndEntry::getTitle)
          .contains("Alpha & Omega: {Braces} in $\\mathcal{O}(n)$ Titles");
      SyndFeed search =
          new SyndFeedInput()
              .build(new StringReader(get("/feed/search." + format + "?q=trending").body()));
      List<String> feedIds =
          search.getEntries().stream()
              .map(e -> e.getLink().substring(e.getLink().indexOf("/papers/") + 8))
              .toList();
      List<String> pageIds = new ArrayList<>();
      json("/api/search?q=trending")
          .get("results")
          .forEach(r -> pageIds.add(r.get("id").asString()));
      assertThat(feedIds).isEqualTo(pageIds);
    }
    SyndFeed atom =
        new SyndFeedInput().build(new StringReader(get("/feed/trending.atom?window=day").body()));
    SyndEntry alpha =
        atom.getEntries().stream()
            .filter(e -> e.getTitle().startsWith("Alpha"))
            .findFirst()
            .orElseThrow();
    assertThat(alpha.getAuthors())
        .extracting(a -> a.getName())
        .containsExactly("Zoë Ñandú-Pérez", "Jörg Brühl");
  }

  @Test
  void bibtexRoundTripsThroughARealParser() throws Exception {
    HttpResponse<String> bib = get("/export/bibtex?id=arxiv:2611.20001&id=arxiv:2611.20002");
    assertThat(bib.headers().firstValue("Content-Type").orElseThrow()).contains("x-bibtex");
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib.body()));
    assertThat(db.getEntries()).hasSize(2);
    BibTeXEntry alpha =
        db.getEntries().values().stream()
            .filter(e -> e.getField(new Key("eprint")).toUserString().equals("2611.20001"))
            .findFirst()
            .orElseThrow();
    assertThat(alpha.getType().getValue()).isEqualTo("article");
    assertThat(alpha.getField(BibTeXEntry.KEY_TITLE).toUserString())
        .isEqualTo("{Alpha \\& Omega: {Braces} in $\\mathcal{O}(n)$ Titles}");
    assertThat(alpha.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
        .isEqualTo("Ñandú-Pérez, Zoë and Brühl, Jörg");
    assertThat(alpha.getField(BibTeXEntry.KEY_YEAR).toUserString())
        .isEqualTo(TODAY.substring(0, 4));
    BibTeXDatabase search =
        new BibTeXParser()
            .parse(new StringReader(get("/export/bibtex?q=trending&mode=keyword").body()));
    assertThat(search.getEntries()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(get("/export/bibtex").statusCode()).isEqualTo(400);
  }

  @Test
  void paperPagesCarryCitationMetaTagsThatRoundTrip() {
    String page = get("/papers/arxiv:2611.20001").body();
    Matcher meta = Pattern.compile("<meta\\s[^>]*>").matcher(page);
    List<String> tags = new ArrayList<>();
    while (meta.find()) {
      Matcher name = Pattern.compile("name=\"(citation_[a-z_]+)\"").matcher(meta.group());
      Matcher content = Pattern.compile("content=\"([^\"]*)\"").matcher(meta.group());
      if (name.find() && content.find()) {
        tags.add(
            name.group(1)
                + "="
                + org.springframework.web.util.HtmlUtils.htmlUnescape(content.group(1)));
      }
    }
    assertThat(tags)
        .contains(
            "citation_title=Alpha & Omega: {Braces} in $\\mathcal{O}(n)$ Titles",
            "citation_author=Zoë Ñandú-Pérez",
            "citation_author=Jörg Brühl",
            "citation_publication_date=" + TODAY.replace('-', '/'),
            "citation_arxiv_id=2611.20001",
            "citation_journal_title=J. Trends 1 (2026)");
  }

  @Test
  void viewsAreCountedOncePerReaderAndNotForRobots() {
    forgetViews("arxiv:2611.20003");
    for (String agent :
        new String[] {
          "Mozilla/5.0 (X11) Firefox/140",
          "Mozilla/5.0 (X11)" + " Firefox/140",
          "Googlebot/2.1",
          "curl/8.0"
        }) {
      send(
          HttpRequest.newBuilder(URI.create(baseUrl() + "/papers/arxiv:2611.20003"))
              .header("User-Agent", agent)
              .build());
    }
    assertThat(
            jdbcClient
                .sql(
                    "select coalesce(sum(views), 0) from paper_view where"
                        + " paper_id = 'arxiv:2611.20003'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** A flood from one client that rotates its User-Agent on every request counts once today. */
  @Test
  void aFloodOfViewsWithRotatingUserAgentsCountsOncePerDay() throws Exception {
    forgetViews("arxiv:2611.20002");
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> flood = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String agent = "Mozilla/5.0 (X11; rotation " + i + ") Firefox/" + (100 + i);
        String forged = "203.0.113." + (i % 250);
        flood.add(
            () ->
                send(HttpRequest.newBuilder(URI.create(baseUrl() + "/papers/arxiv:2611.20002"))
                        .header("User-Agent", agent)
                        .header("X-Forwarded-For", forged)
                        .header("X-Real-IP", forged)
                        .build())
                    .statusCode());
      }
      for (var answer : pool.invokeAll(flood)) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(views("arxiv:2611.20002")).isEqualTo(1);
    assertThat(json("/api/trending?window=day").get("results"))
        .filteredOn(r -> r.get("id").asString().equals("arxiv:2611.20002"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("views").asLong()).isEqualTo(1));
  }

  private void forgetViews(String paper) {
    jdbcClient.sql("delete from paper_view where paper_id = ?").param(paper).update();
    jdbcClient.sql("delete from paper_view_seen where paper_id = ?").param(paper).update();
  }

  private long views(String paper) {
    return jdbcClient
        .sql("select coalesce(sum(views), 0) from paper_view where paper_id = ?")
        .param(paper)
        .query(Long.class)
        .single();
  }

  @Test
  void savedPapersFillTheLibraryAndItsBibtex() {
    Reader reader = signIn("collector@example.org");
    postForm("/save", reader, "paper=arxiv:2611.20002&action=save");
    String library =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/library"))
                .header("Cookie", reader.cookies())
                .build())
            .body();
    assertThat(library).contains("Beta Papers Rise", "/export/bibtex?id=arxiv:2611.20002");
    JsonNode api = json("/api/trending?window=month");
    assertThat(api.get("window").asString()).isEqualTo("month");
  }

  @Test
  void theSearchPageDrawsWeeklyCountsAsSvg() {
    String page = get("/search?q=trending").body();
    assertThat(page).contains("<svg", "role=\"img\"", "per week over the last year");
  }

  @Test
  void aHuggingFaceSignalCountsOnTheDayItWasGivenNotTheDayItWasImported() {
    String june = LocalDate.now(ZoneOffset.UTC).minusMonths(5).toString();
    // A daily-papers file saved months ago: the first item carries its day, the second does not.
    importText(
        "hf-saved-in-june.json",
        String.format(
            """
        [{"paper": {"id": "2611.20101", "title": "Upvoted Long Ago", "summary": "Old news.", "publishedAt": "%sT08:00:00.000Z", "upvotes": 500}, "publishedAt": "%sT09:00:00.000Z"},
         {"paper": {"id": "2611.20102", "title": "Upvotes Of Unknown Date", "summary": "Undated.", "publishedAt": "%sT08:00:00.000Z", "upvotes": 5}}]
        """,
            june, june, june));
    assertThat(
            jdbcClient
                .sql(
                    "select observed_at from paper_signal where paper_id = 'arxiv:2611.20101'"
                        + " and kind = 'upvotes'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(java.time.Instant.parse(june + "T09:00:00Z"));
    assertThat(trending("day")).doesNotContain("arxiv:2611.20101").contains("arxiv:2611.20102");
    assertThat(trending("month")).doesNotContain("arxiv:2611.20101");
  }

  @Test
  void anOldPaperMetUndatedInTodaysReplacementsIsNotTrendingToday() {
    // A record with no date, as a "replace" item of an announcement feed or a snapshot line with
    // no versions arrives: its id says October 2023.
    importText(
        "undated.jsonl",
        """
        {"id": "2310.04567", "title": "Replaced Long After It Appeared", "abstract": "Undated."}
        """);
    assertThat(trending("day")).doesNotContain("arxiv:2310.04567");
    assertThat(trending("month")).doesNotContain("arxiv:2310.04567");
  }
}
