package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The failures found on a fresh instance, each answered with the right 4xx in its route's format:
 * JSON for the API, our page (keeping what was typed) for pages, plain text for feeds and BibTeX.
 */
class ErrorAnswersIT extends SharedApplicationTest {

  @BeforeEach
  void papers() {
    importFixture("arxiv-api.atom");
  }

  @Test
  void invalidUtf8InTheQueryIsA400InEveryFormat() {
    assertJsonError(get("/api/search?q=%ff%fe"), 400, "UTF-8");
    HttpResponse<String> page = get("/search?q=caf%e9+au+lait");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("value=\"caf\uFFFD au lait\"", "UTF-8");
    HttpResponse<String> feed = get("/feed/search.atom?q=%ff%fe");
    assertThat(feed.statusCode()).isEqualTo(400);
    assertThat(feed.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
  }

  @Test
  void anXmlAcceptHeaderOnTheApiIsA406InJson() {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/search?q=routing"))
                .header("Accept", "application/xml")
                .build());
    assertJsonError(r, 406, "application/json");
  }

  @ParameterizedTest
  @ValueSource(strings = {";;;/;", "text/"})
  void anUnreadableAcceptHeaderIsA406ThatStillNamesTheType(String accept) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/search?q=routing"))
                .header("Accept", accept)
                .build());
    assertJsonError(r, 406, "answers application/json only");
  }

  @Test
  void bibtexOfAnIdWeDoNotHaveIsA404NotAnEmptyFile() {
    assertThat(get("/export/bibtex?id=arxiv:2410.21271").body()).contains("eprint = {2410.21271}");
    for (String ids :
        new String[] {"id=arxiv:9999.99999", "id=arxiv:2410.21271&id=arxiv:9999.99999"}) {
      HttpResponse<String> r = get("/export/bibtex?" + ids);
      assertThat(r.statusCode()).as(ids).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
      assertThat(r.body())
          .as(ids)
          .contains("no paper", "arxiv:9999.99999")
          .doesNotContain("eprint");
    }
  }

  @Test
  void aSubscriptionInAnotherContentTypeIsA415() {
    for (String type :
        new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/api/subscriptions"))
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org"))
                  .build());
      assertJsonError(r, 415, "application/json");
    }
  }

  @Test
  void aPageNumberThatWouldOverflowIsA400() {
    assertJsonError(get("/api/search?q=routing&page=21474837&size=100"), 400, "page must be");
    assertThat(get("/search?q=routing&page=2147483647").statusCode()).isEqualTo(400);
    assertThat(get("/export/bibtex?q=routing&page=21474837").statusCode()).isEqualTo(400);
  }

  @Test
  void whatTomcatRefusesIsAnsweredInTheRoutesFormat() throws IOException {
    for (String id : new String[] {"a%2Fb", "a%00b", "arxiv:%ff"}) {
      RawHttp.Answer api = raw("GET", "/api/papers/" + id, Map.of(), null);
      assertThat(api.status()).as(id).isEqualTo(400);
      assertThat(api.contentType()).as(id).startsWith("application/json");
      assertThat(JSON.readTree(api.body()).get("error").asString()).contains("percent-encoding");
    }
    RawHttp.Answer longUrl = raw("GET", "/api/search?q=" + "a".repeat(20_000), Map.of(), null);
    assertThat(longUrl.status()).isEqualTo(400);
    assertThat(longUrl.contentType()).startsWith("application/json");
    RawHttp.Answer page = raw("GET", "/papers/a%2Fb?q=kept", Map.of(), null);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("Paperboy", "value=\"kept\"").doesNotContain("Tomcat");
    RawHttp.Answer feed = raw("GET", "/feed/trending.%ff", Map.of(), null);
    assertThat(feed.contentType()).startsWith("text/plain");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    // 80 MB announced and none sent: the answer comes at once, not after reading (or waiting).
    RawHttp.Answer announced =
        raw(
            "POST",
            "/api/subscriptions",
            Map.of("Content-Type", "application/json", "Content-Length", "83886080"),
            new byte[0]);
    assertThat(announced.status()).isEqualTo(413);
    assertThat(JSON.readTree(announced.body()).get("error").asString()).contains("larger");
    byte[] megabyte =
        ("{\"email\":\"" + "a".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(megabyte)))
                .build());
    assertJsonError(chunked, 413, "larger");
    HttpResponse<String> form =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/subscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topics=" + "t".repeat(100_000)))
                .build());
    assertThat(form.statusCode()).isEqualTo(413);
    assertThat(form.body()).contains("<html", "larger");
  }

  @Test
  void theImportTakesFilesLargerThanTheJsonLimit() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; lines.length() < 200_000; i++) {
      lines.append(
          String.format(
              "{\"title\": \"Glacier sediment survey %d\", \"abstract\": \"%s\"}%n",
              i,
              "Meltwater carries fine sediment from the glacier snout into the lake. ".repeat(60)));
    }
    HttpResponse<String> r =
        send(
            asOperator("/admin/import?file=large.jsonl&embeddings=false")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/search?q=a|b{c}",
        "/search?q=x^2+`y`",
        "/api/search?q=%22x%22",
        "/api/search?q=[x]",
        "/api/search?q=\"x\"|{y}",
        "/export/bibtex?q=\"x\"",
        "/papers/a|b"
      })
  void charactersPeopleTypeIntoASearchBoxReachTheApplication(String target) throws IOException {
    // Sent raw: java.net.http would percent-encode them, which is what a browser may not do.
    RawHttp.Answer answer = raw("GET", target, Map.of(), null);
    assertThat(answer.status()).as(target).isBetween(200, 499);
    assertThat(answer.body()).as(target).doesNotContain("could not be read");
    ErrorFormat format = ErrorFormat.of(target.replaceFirst("\\?.*", ""));
    if (format == ErrorFormat.PAGE || answer.status() != 200) {
      // Pages are HTML either way; elsewhere a refusal comes in the route's error format.
      assertThat(answer.contentType()).as(target).startsWith(format.type.toString().split(";")[0]);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search?q=a%00b&mode=keyword",
        "/api/search?q=ab%00&mode=semantic",
        "/api/search?q=%00ab&mode=hybrid",
        "/search?q=x%00",
        "/feed/search.atom?q=a%00%00b",
        "/export/bibtex?q=a%00b"
      })
  void aNulBetweenShortWordsOfAQueryIsASpace(String path) {
    // Short words are looked up as acronyms in PostgreSQL, which refuses NUL in text.
    assertThat(get(path).statusCode()).as(path).isBetween(200, 499);
  }

  @Test
  void controlCharactersInAParameterAreA400NotAFailureDeeper() {
    HttpResponse<String> feed = get("/feed/search.atom?q=routing%01");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).contains("<title>Paperboy: routing</title>");
    HttpResponse<String> preview =
        send(
            asOperator("/admin/digest/preview?email=a%00b")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertJsonError(preview, 400, "control character");
  }

  private RawHttp.Answer raw(String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    return RawHttp.send(port, method, target, headers, body);
  }

  private static void assertJsonError(HttpResponse<String> r, int status, String says) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("json");
    assertThat(JSON.readTree(r.body()).get("error").asString()).contains(says);
  }
}
