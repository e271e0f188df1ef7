package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagesIT extends SharedApplicationTest {

  @BeforeEach
  void papers() {
    importFixture("arxiv-api.atom");
    importFixture("papers.jsonl");
  }

  @Test
  void aReadersOwnPagesSendAVisitorToSignIn() {
    for (String page :
        java.util.List.of(
            "/settings",
            "/settings/tokens",
            "/library",
            "/library/authors?name=Ada",
            "/for-you",
            "/for-you/start")) {
      HttpResponse<String> answer = get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElseThrow())
          .as(page)
          .endsWith("/signin");
    }
  }

  @Test
  void theFooterOffersASubscriptionToVisitorsAndTheSettingsToReaders() {
    assertThat(get("/").body())
        .contains("Get trending papers in your inbox once a day", "action=\"/subscribe\"");
    Reader reader = signIn("footer-reader@example.org");
    String home =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Cookie", reader.cookies())
                .build())
            .body();
    String footer = home.substring(home.indexOf("<footer"));
    assertThat(footer)
        .contains("Your papers by email", "href=\"/settings\"")
        .doesNotContain("action=\"/subscribe\"", "Get trending papers in your inbox");
  }

  @Test
  void homeListsTheNewestPapersWithAbstracts() {
    HttpResponse<String> home = get("/?window=new");
    assertThat(home.statusCode()).isEqualTo(200);
    // The catalog is shared with other tests, whose newer papers may fill the first page: the
    // newest paper of all must be first, with its abstract.
    String newest =
        jdbcClient
            .sql("select id from paper order by published desc nulls last, id desc limit 1")
            .query(String.class)
            .single();
    assertThat(home.body()).contains("Newest papers").doesNotContain("No papers yet");
    assertThat(home.body()).contains("href=\"/papers/" + newest + "\"");
    // The fixture's 1999 paper's own page shows the accented name.
    assertThat(get("/papers/arxiv:hep-th/9901001").body()).contains("Jürgen Schölkopf");
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'");
  }

  @Test
  void searchShowsHighlightedFullAbstracts() {
    String page = get("/search?q=" + q("gating network")).body();
    assertThat(page).contains("<mark>gating</mark>", "<mark>network</mark>", "load-balancing loss");
  }

  @Test
  void userTextIsEscapedOnEveryPage() {
    String search = get("/search?q=" + q("friends bounds")).body();
    String paper = get("/papers/arxiv:2401.00007").body();
    String home = get("/?window=new").body();
    for (String page : new String[] {search, paper, home}) {
      assertThat(page).doesNotContain("<script>alert").doesNotContain("<em>z</em>");
    }
    assertThat(paper).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Friends");
    assertThat(search).contains("&lt;script&gt;");
    String echoed = get("/search?q=" + q("<img src=x onerror=alert(1)>")).body();
    assertThat(echoed).doesNotContain("<img src=x");
  }

  @Test
  void paperPageShowsAllMetadataAndKeepsOldStyleSlashes() {
    String page = get("/papers/arxiv:2410.21271").body();
    assertThat(page)
        .contains(
            "University of Edinburgh",
            "Transactions on Machine Learning",
            "14 pages, 6 figures",
            "http://arxiv.org/pdf/2410.21271v2",
            "https://doi.org/10.48550/arXiv.2410.21271",
            "/webjars/katex/");
    HttpResponse<String> old = get("/papers/arxiv:hep-th/9901001");
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.body()).contains("Holographic Entanglement");
  }

  @Test
  void anUnknownPaperIsAFriendly404Page() {
    HttpResponse<String> r = get("/papers/arxiv:9999.99999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("404", "no paper with id");
  }

  @Test
  void aBadPageNumberIsA400NotA500() {
    assertThat(get("/?page=abc").statusCode()).isEqualTo(400);
    assertThat(get("/?page=0").statusCode()).isEqualTo(400);
    assertThat(get("/search?q=x&page=0").statusCode()).isEqualTo(400);
  }

  @Test
  void katexIsServedByTheAppItself() {
    assertThat(get("/webjars/katex/dist/katex.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/katex/dist/contrib/auto-render.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/css/paperboy.css").statusCode()).isEqualTo(200);
  }

  @Test
  void operatorEndpointsAskEveryoneForTheCredentialEvenLoopback() {
    HttpResponse<String> relayed =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/reindex"))
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(relayed.statusCode()).isEqualTo(401);
    assertThat(relayed.body()).contains("error");
    HttpResponse<String> local =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(local.statusCode()).isEqualTo(401);
    HttpResponse<String> operator =
        send(asOperator("/admin/reindex").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(operator.body()).contains("reindexed");
  }
}
