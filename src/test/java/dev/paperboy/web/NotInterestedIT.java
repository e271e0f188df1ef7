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
    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/not-interested"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", reader.cookies())
                .POST(HttpRequest.BodyPublishers.ofString("paper=" + PAPER + "&action=hide"))
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(signal(email)).isEqualTo("none");
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
