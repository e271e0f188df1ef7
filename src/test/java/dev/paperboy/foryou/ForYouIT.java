package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * For you on the real database and HTTP: a reader's saves rank the new papers, each with its
 * reason; what was recommended is never recommended again on another day; a dismissed paper goes;
 * the model is learned again when the reader's signals change, and only then.
 */
class ForYouIT extends SharedApplicationTest {

  @Autowired ModelRefresh refresh;
  @Autowired ReaderSignals signals;
  @Autowired dev.paperboy.search.Embedder embedder;

  @BeforeEach
  void papers() {
    importText("for-you.jsonl", ForYouPapers.jsonLines());
  }

  private Reader readerWhoSaved(String email, String... papers) {
    Reader reader = signIn(email);
    for (String paper : papers) {
      assertThat(postForm("/save", reader, "paper=" + paper + "&action=save").statusCode())
          .isEqualTo(302);
    }
    return reader;
  }

  private UUID id(String email) {
    return jdbcClient
        .sql("select id from subscriber where email_key = lower(?)")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private HttpResponse<String> asReader(Reader reader, String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .header("Cookie", reader.cookies())
            .build());
  }

  private JsonNode forYou(Reader reader, String query) {
    HttpResponse<String> response = asReader(reader, "/api/for-you" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("results");
  }

  private static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void aReaderWithTwoSavedPapersGetsTheNearestNewPapersFirstWithTheirReasons() {
    Reader reader =
        readerWhoSaved("two-saves@example.org", ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    JsonNode results = forYou(reader, "?days=7&size=100");
    assertThat(ids(results).subList(0, 2)).containsExactlyInAnyOrderElementsOf(ForYouPapers.NEAR);
    // the other fields' new papers are below the model's floor for related papers: not padding
    assertThat(ids(results))
        .hasSize(ForYouPapers.NEAR.size())
        .doesNotContainAnyElementsOf(ForYouPapers.FAR)
        .doesNotContain(ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    JsonNode first = results.get(0);
    assertThat(first.get("because").get("id").asString())
        .isIn(ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    assertThat(first.get("because").get("title").asString()).contains("Protein");
    assertThat(first.get("because").get("how").asString()).isEqualTo("saved");
    assertThat(first.get("authors").get(0).asString()).isNotBlank();
    assertThat(first.get("score").asDouble())
        .isGreaterThan(results.get(results.size() - 1).get("score").asDouble());
  }

  @Test
  void todaysListStaysTheSameAndNoPaperIsRecommendedOnAnotherDay() {
    String email = "never-twice@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    String first = ids(forYou(reader, "?size=1")).get(0);
    assertThat(ids(forYou(reader, "?size=1"))).containsExactly(first);
    jdbcClient
        .sql(
            "update recommendation set shown_at = shown_at - interval '1 day' where subscriber_id = ?")
        .param(id(email))
        .update();
    List<String> tomorrow = ids(forYou(reader, "?size=100"));
    assertThat(tomorrow).doesNotContain(first).contains(otherNear(first));
  }

  @Test
  void theListIsBestFirstThoughAnEarlierLookOfTheDayChoseSomeOfIt() {
    String email = "best-first@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    // this morning's digest picked one of the two, at a score below today's other
    jdbcClient
        .sql(
            "insert into recommendation (subscriber_id, paper_id, score, because_id)"
                + " values (?, ?, -5, ?)")
        .params(id(email), ForYouPapers.NEAR.get(1), ForYouPapers.SAVED_1)
        .update();
    JsonNode results = forYou(reader, "?size=20");
    assertThat(ids(results)).containsExactly(ForYouPapers.NEAR.get(0), ForYouPapers.NEAR.get(1));
    assertThat(results.get(0).get("score").asDouble())
        .isGreaterThan(results.get(1).get("score").asDouble());
    assertThat(ids(forYou(reader, "?size=20"))).as("and so on every look").isEqualTo(ids(results));
  }

  private static String otherNear(String one) {
    return ForYouPapers.NEAR.stream().filter(p -> !p.equals(one)).findFirst().orElseThrow();
  }

  @Test
  void anotherSitesLinkOrAPrefetchOfTheTabRecordsNothing() {
    String email = "prefetched@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    for (String[] header :
        List.of(
            new String[] {"Sec-Fetch-Site", "cross-site"},
            new String[] {"Sec-Purpose", "prefetch;prerender"},
            new String[] {"Purpose", "prefetch"})) {
      HttpResponse<String> page =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/for-you"))
                  .header("Cookie", reader.cookies())
                  .header(header[0], header[1])
                  .build());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .as(header[0])
          .contains("Show my recommendations", "href=\"/for-you\"")
          .doesNotContain("Protein Folding");
    }
    assertThat(recommended(email)).isZero();
    assertThat(asReader(reader, "/for-you").body()).contains("Protein");
    assertThat(recommended(email)).isPositive();
  }

  private long recommended(String email) {
    return jdbcClient
        .sql("select count(*) from recommendation where subscriber_id = ?")
        .param(id(email))
        .query(Long.class)
        .single();
  }

  @Test
  void aDismissedPaperDoesNotComeBack() {
    String email = "dismisses-for-you@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    String first = ids(forYou(reader, "?size=3")).get(0);
    jdbcClient
        .sql(
            "insert into feedback (subscriber_id, paper_id, signal) values (?, ?, 'not-interested')")
        .params(id(email), first)
        .update();
    assertThat(ids(forYou(reader, "?size=20"))).doesNotContain(first).isNotEmpty();
  }

  @Test
  void theTabOffersAnUndoForTheCardItJustDropped() {
    String email = "dismisses-on-the-tab@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
    String first = ids(forYou(reader, "?size=3")).get(0);
    HttpResponse<String> hidden =
        postForm("/not-interested", reader, "paper=" + first + "&action=hide&back=/for-you");
    assertThat(hidden.statusCode()).isEqualTo(302);
    String location = hidden.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/for-you?hidden=");
    String page = asReader(reader, location.substring(location.indexOf("/for-you"))).body();
    assertThat(page).contains("Hidden:", "value=\"undo\"", "value=\"" + first + "\"");
    assertThat(ids(forYou(reader, "?size=20"))).doesNotContain(first);

    postForm("/not-interested", reader, "paper=" + first + "&action=undo&back=/for-you");
    assertThat(ids(forYou(reader, "?size=20"))).as("today's list has it again").contains(first);
    // A hidden= naming a paper the reader did not dismiss shows nothing.
    assertThat(asReader(reader, "/for-you?hidden=" + first).body()).doesNotContain("Hidden:");
  }

  @Test
  void aReaderWithNothingSavedGetsNothingAndIsShownHowToStart() {
    Reader reader = signIn("nothing-yet@example.org");
    assertThat(forYou(reader, "")).isEmpty();
    String page = asReader(reader, "/for-you").body();
    assertThat(page).contains("href=\"/for-you/start\"", "href=\"/library\"");
  }

  @Test
  void theTabShowsEachPaperUnderItsReasonLinkingToTheSavedPaper() {
    Reader reader = readerWhoSaved("tab@example.org", ForYouPapers.SAVED_1);
    String page = asReader(reader, "/for-you").body();
    assertThat(page)
        .contains("because you saved", "href=\"/papers/" + ForYouPapers.SAVED_1 + "\"")
        .contains("Transformers Predict Protein Tertiary Structure from Sequence");
    assertThat(asReader(reader, "/").body()).contains("href=\"/for-you\"");
    assertThat(get("/").body()).doesNotContain("href=\"/for-you\"");
    assertThat(get("/for-you").statusCode()).isEqualTo(302);
  }

  @Test
  void badDaysOrSizeAreRefusedAndNoReaderIsUnauthorized() {
    Reader reader = signIn("bad-parameters@example.org");
    for (String query : List.of("?days=0", "?days=31", "?size=0", "?size=101", "?days=x")) {
      HttpResponse<String> response = asReader(reader, "/api/for-you" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("error").asString()).isNotBlank();
    }
    HttpResponse<String> anonymous = get("/api/for-you");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).get("error").asString()).contains("sign in");
    // Another site's link, followed with the reader's cookie: For you records what it shows, so
    // it must not be made to show anything.
    HttpResponse<String> crossSite =
        send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/for-you"))
                .header("Cookie", reader.cookies())
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .build());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(crossSite.body()).get("error").asString())
        .contains("another site's request or a prefetch")
        .doesNotContain("CSRF");
    assertThat(
            jdbcClient
                .sql(
                    "select count(*) from recommendation r join subscriber s"
                        + " on s.id = r.subscriber_id where s.email = ?")
                .param("bad-parameters@example.org")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aModelIsLearnedAgainWhenTheReadersSignalsChangeAndOnlyThen() {
    String email = "refresh@example.org";
    Reader reader = readerWhoSaved(email, ForYouPapers.SAVED_1);
    UUID id = id(email);
    String model = stored(id).get(0);
    assertThat(model).isNull();
    forYou(reader, "");
    assertThat(stored(id)).containsExactly(kind(1), "1");
    assertThat(signals.stale(modelName(), 100_000)).doesNotContain(id);

    postForm("/save", reader, "paper=" + ForYouPapers.SAVED_2 + "&action=save");
    assertThat(signals.stale(modelName(), 100_000)).contains(id);
    refresh.run();
    assertThat(stored(id)).containsExactly(kind(2), "2");
    assertThat(signals.stale(modelName(), 100_000)).doesNotContain(id);

    postForm("/save", reader, "paper=" + ForYouPapers.SAVED_2 + "&action=unsave");
    assertThat(signals.stale(modelName(), 100_000)).contains(id);
    forYou(reader, "");
    assertThat(stored(id)).containsExactly(kind(1), "1");
  }

  /** The kind of model the learner makes of this many positives and a background. */
  private static String kind(int positives) {
    return positives < Learner.FEW_POSITIVES ? ReaderRanker.CENTROID : ReaderRanker.LOGISTIC;
  }

  /** The stored model's kind and positives, or two nulls. */
  private List<String> stored(UUID reader) {
    List<String> row = new ArrayList<>();
    row.add(null);
    row.add(null);
    jdbcClient
        .sql("select kind, positives from reader_model where subscriber_id = ?")
        .param(reader)
        .query(
            rs -> {
              row.set(0, rs.getString(1));
              row.set(1, rs.getString(2));
            });
    return row;
  }

  private String modelName() {
    return embedder.signature();
  }
}
