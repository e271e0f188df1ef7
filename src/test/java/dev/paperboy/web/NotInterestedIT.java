package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Not interested" on a card: a signed-in reader's form, which hides the card until undone. */
class NotInterestedIT extends SharedApplicationTest {

  private static final String PAPER = "arxiv:2611.72001";

  @BeforeEach
  void paper() {
    importText(
        "not-interested.jsonl",
        """
        {"id": "2611.72001", "title": "A Paper Someone Finds Dull", "abstract": "It is about nothing much.", "authors": ["Di Smissed"], "categories": ["cs.IR"], "published": "2026-11-21"}
        """);
  }

  private HttpResponse<String> library(Reader reader) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/library"))
            .header("Cookie", reader.cookies())
            .build());
  }

  private String signal(String email) {
    return jdbcClient
        .sql(
            "select f.signal from feedback f join subscriber s on s.id = f.subscriber_id"
                + " where s.email = ? and f.paper_id = ?")
        .params(email, PAPER)
        .query(String.class)
        .optional()
        .orElse("none");
  }

  @Test
  void aCardHidesOnNotInterestedAndComesBackOnUndo() {
    String email = "dismisses@example.org";
    Reader reader = signIn(email);
    postForm("/save", reader, "paper=" + PAPER + "&action=save");
    String card = library(reader).body();
    assertThat(card)
        .contains("action=\"/not-interested\"", "value=\"hide\"", "Not interested")
        .doesNotContain("Hidden:");

    HttpResponse<String> hidden =
        postForm("/not-interested", reader, "paper=" + PAPER + "&action=hide&back=/library");
    assertThat(hidden.statusCode()).isEqualTo(302);
    assertThat(hidden.headers().firstValue("Location").orElseThrow()).endsWith("/library");
    assertThat(signal(email)).isEqualTo("not-interested");
    String after = library(reader).body();
    assertThat(after)
        .contains("card dismissed", "Hidden: you said you are not interested", "value=\"undo\"")
        .doesNotContain("It is about nothing much.");
    postForm("/not-interested", reader, "paper=" + PAPER + "&action=hide&back=/library");
    assertThat(
            jdbcClient
                .sql("select count(*) from feedback where paper_id = ?")
                .param(PAPER)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    postForm("/not-interested", reader, "paper=" + PAPER + "&action=undo&back=/library");
    assertThat(signal(email)).isEqualTo("none");
    assertThat(library(reader).body()).doesNotContain("Hidden:").contains("It is about nothing");
  }

  @Test
  void undoGivesBackTheWordItReplacedAndLeavesAnotherWordAlone() {
    String email = "voted-down-then-dismissed@example.org";
    Reader reader = signIn(email);
    String csrf = reader.csrf();
    feedbackApi(reader, csrf, "down");
    assertThat(signal(email)).isEqualTo("down");

    postForm("/not-interested", reader, "paper=" + PAPER + "&action=hide&back=/library");
    assertThat(signal(email)).isEqualTo("not-interested");
    postForm("/not-interested", reader, "paper=" + PAPER + "&action=undo&back=/library");
    assertThat(signal(email)).as("the 👎 under the card's word").isEqualTo("down");

    // an Undo of a "Not interested" the reader did not say takes nothing back
    postForm("/not-interested", reader, "paper=" + PAPER + "&action=undo&back=/library");
    assertThat(signal(email)).isEqualTo("down");
  }

  private void feedbackApi(Reader reader, String csrf, String signal) {
    HttpResponse<String> recorded =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/feedback"))
                .header("Content-Type", "application/json")
                .header("Cookie", reader.cookies())
                .header("X-CSRF-Token", csrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"id\": \"" + PAPER + "\", \"signal\": \"" + signal + "\"}"))
                .build());
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
  }

  @Test
  void withoutTheFormsCsrfValueNothingIsHidden() {
    String email = "dismisses-cross-site@example.org";
    Reader reader = signIn(email);
    assertThat(withoutCsrf("/not-interested", reader, "paper=" + PAPER + "&action=hide"))
        .isEqualTo(403);
    assertThat(signal(email)).isEqualTo("none");
  }

  /** The status of a reader's form posted without the form's CSRF value, as another site would. */
  private int withoutCsrf(String path, Reader reader, String form) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", reader.cookies())
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build())
        .statusCode();
  }

  private String page(Reader reader) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/papers/" + PAPER))
            .header("Cookie", reader.cookies())
            .build())
        .body();
  }

  @Test
  void thePapersPageShowsTheReadersOwnWordWhereverItWasSaidAndTakesItBack() {
    String email = "says-so-on-the-page@example.org";
    Reader reader = signIn(email);
    assertThat(page(reader))
        .contains("For your recommendations:", "action=\"/my-feedback\"")
        .doesNotContain("aria-pressed=\"true\"", "value=\"none\"");

    // said through the API (as a digest's link or a card would): the page shows it
    feedbackApi(reader, reader.csrf(), "down");
    assertThat(page(reader))
        .contains("You said:", "value=\"none\"")
        .containsPattern("value=\"down\"[^>]*aria-pressed=\"true\"");

    HttpResponse<String> up = postForm("/my-feedback", reader, "paper=" + PAPER + "&signal=up");
    assertThat(up.statusCode()).isEqualTo(302);
    assertThat(up.headers().firstValue("Location").orElseThrow()).endsWith("/papers/" + PAPER);
    assertThat(signal(email)).isEqualTo("up");
    assertThat(page(reader)).containsPattern("value=\"up\"[^>]*aria-pressed=\"true\"");

    postForm("/my-feedback", reader, "paper=" + PAPER + "&signal=none");
    assertThat(signal(email)).isEqualTo("none");
    assertThat(page(reader)).doesNotContain("aria-pressed=\"true\"");

    assertThat(postForm("/my-feedback", reader, "paper=" + PAPER + "&signal=love").statusCode())
        .isEqualTo(400);
    assertThat(postForm("/my-feedback", reader, "paper=arxiv:2611.72999&signal=up").statusCode())
        .isEqualTo(404);
    assertThat(withoutCsrf("/my-feedback", reader, "paper=" + PAPER + "&signal=down"))
        .isEqualTo(403);
    assertThat(signal(email)).isEqualTo("none");
    HttpResponse<String> visitor =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/my-feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "pb_csrf=x")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=x&paper=" + PAPER + "&signal=up"))
                .build());
    assertThat(visitor.statusCode()).isEqualTo(302);
    assertThat(visitor.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    assertThat(get("/papers/" + PAPER).body()).doesNotContain("/my-feedback");
  }

  @Test
  void aVisitorSeesNoButtonAndAnUnknownPaperOrActionIsRefused() {
    assertThat(get("/search?q=" + q("someone finds dull")).body())
        .contains("href=\"/papers/" + PAPER + "\"")
        .doesNotContain("/not-interested");
    Reader reader = signIn("dismisses-badly@example.org");
    assertThat(postForm("/not-interested", reader, "paper=arxiv:2611.72999").statusCode())
        .isEqualTo(404);
    assertThat(postForm("/not-interested", reader, "paper=" + PAPER + "&action=maybe").statusCode())
        .isEqualTo(400);
  }
}
