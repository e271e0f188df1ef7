package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/feedback} over real HTTP, for a reader named by a personal API token (made on
 * the settings page) or by the session cookie, and everything a hostile client may send instead.
 */
class FeedbackApiIT extends SharedApplicationTest {

  private static final String PAPER = "arxiv:2611.71001";
  private static final Pattern TOKEN = Pattern.compile("pbt_[A-Za-z0-9_-]{43}");

  @BeforeEach
  void papers() {
    importText(
        "feedback-api.jsonl",
        """
        {"id": "2611.71001", "title": "Feedback Over An API", "abstract": "Readers say what they like.", "authors": ["Ann Api"], "categories": ["cs.IR"], "published": "2026-11-20"}
        {"id": "2611.71002", "title": "Another Paper For Feedback", "abstract": "And what they do not.", "authors": ["Bo Api"], "categories": ["cs.IR"], "published": "2026-11-20"}
        """);
  }

  private HttpResponse<String> api(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private HttpResponse<String> give(String token, String id, String signal) {
    return api(
        "POST",
        "/api/feedback",
        "{\"id\":\"" + id + "\",\"signal\":\"" + signal + "\"}",
        "Authorization",
        "Bearer " + token);
  }

  /** A 👍 sent with the reader's session cookie and these other headers. */
  private HttpResponse<String> byCookie(Reader reader, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Cookie";
    all[1] = reader.cookies();
    System.arraycopy(headers, 0, all, 2, headers.length);
    return api("POST", "/api/feedback", "{\"id\":\"" + PAPER + "\",\"signal\":\"up\"}", all);
  }

  /** Creates a token on the settings page, as a reader would; its value from the answer. */
  private String newToken(Reader reader, String name) {
    HttpResponse<String> made = postForm("/settings/tokens", reader, "name=" + q(name));
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.headers().firstValue("Cache-Control")).contains("no-store");
    Matcher m = TOKEN.matcher(made.body());
    assertThat(m.find()).as("a token on " + made.body()).isTrue();
    return m.group();
  }

  private HttpResponse<String> tokensPage(Reader reader) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/settings/tokens"))
            .header("Cookie", reader.cookies())
            .build());
  }

  private long rows(String email) {
    return jdbcClient
        .sql(
            "select count(*) from feedback f join subscriber s on s.id = f.subscriber_id"
                + " where s.email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private String signal(String email, String paper) {
    return jdbcClient
        .sql(
            "select f.signal from feedback f join subscriber s on s.id = f.subscriber_id"
                + " where s.email = ? and f.paper_id = ?")
        .params(email, paper)
        .query(String.class)
        .optional()
        .orElse("none");
  }

  @Test
  void aTokenMadeInSettingsRecordsFeedbackOnceAndTheLatestWins() {
    String email = "api-feedback@example.org";
    Reader reader = signIn(email);
    String token = newToken(reader, "laptop <script>");
    HttpResponse<String> listed = tokensPage(reader);
    assertThat(listed.body())
        .contains("laptop &lt;script&gt;", "<td>never</td>")
        .as("a token is shown once, when made")
        .doesNotContain(token);

    HttpResponse<String> up = give(token, "2611.71001", "up");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(up.body()).get("id").asString()).isEqualTo(PAPER);
    assertThat(JSON.readTree(up.body()).get("signal").asString()).isEqualTo("up");
    assertThat(give(token, PAPER, "up").statusCode()).isEqualTo(200);
    assertThat(rows(email)).as("recording twice is one row").isEqualTo(1);
    assertThat(give(token, PAPER, "not-interested").statusCode()).isEqualTo(200);
    assertThat(signal(email, PAPER)).isEqualTo("not-interested");
    assertThat(rows(email)).isEqualTo(1);
    assertThat(tokensPage(reader).body()).doesNotContain("<td>never</td>").contains(" UTC</td>");

    HttpResponse<String> none = give(token, PAPER, "none");
    assertThat(JSON.readTree(none.body()).get("signal").asString()).isEqualTo("none");
    assertThat(rows(email)).isZero();
    give(token, PAPER, "down");
    HttpResponse<String> deleted =
        api("DELETE", "/api/feedback?id=" + q(PAPER), null, "Authorization", "Bearer " + token);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(deleted.body()).get("signal").asString()).isEqualTo("none");
    assertThat(rows(email)).isZero();
  }

  @Test
  void onlyAHashOfTheTokenIsStored() throws Exception {
    String token = newToken(signIn("api-hash@example.org"), "hashed");
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            jdbcClient
                .sql("select count(*) from api_token where token_hash = ?")
                .param(hash)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbcClient
                .sql("select count(*) from api_token where token_hash = ? or name = ?")
                .params(token, token)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void noReaderAnUnknownTokenAndARevokedTokenAre401() {
    Reader reader = signIn("api-revoked@example.org");
    String token = newToken(reader, "soon revoked");
    String body = "{\"id\":\"" + PAPER + "\",\"signal\":\"up\"}";
    HttpResponse<String> nobody = api("POST", "/api/feedback", body);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    assertThat(JSON.readTree(nobody.body()).get("error").asString()).contains("Bearer");
    assertThat(give("pbt_" + "A".repeat(43), PAPER, "up").statusCode()).isEqualTo(401);
    assertThat(give("not-even-a-token", PAPER, "up").statusCode()).isEqualTo(401);
    assertThat(
            api("POST", "/api/feedback", body, "Authorization", "Basic dXNlcjpwYXNz").statusCode())
        .isEqualTo(401);

    assertThat(give(token, PAPER, "up").statusCode()).isEqualTo(200);
    Matcher id =
        Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(tokensPage(reader).body());
    assertThat(id.find()).isTrue();
    HttpResponse<String> revoked = postForm("/settings/tokens/revoke", reader, "id=" + id.group(1));
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(tokensPage(reader).body()).doesNotContain("soon revoked");
    HttpResponse<String> after = give(token, PAPER, "down");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(after.body()).get("error").asString()).contains("revoked");
    assertThat(signal("api-revoked@example.org", PAPER)).isEqualTo("up");
  }

  @Test
  void hostileInputGetsAClear4xxAndRecordsNothing() {
    String email = "api-hostile@example.org";
    String token = newToken(signIn(email), "hostile");
    String bearer = "Bearer " + token;
    HttpResponse<String> unknown = give(token, "arxiv:2611.79999", "up");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asString()).contains("no paper");
    HttpResponse<String> badSignal = give(token, PAPER, "sideways");
    assertThat(badSignal.statusCode()).isEqualTo(400);
    HttpResponse<String> noSignal =
        api("POST", "/api/feedback", "{\"id\":\"" + PAPER + "\"}", "Authorization", bearer);
    assertThat(noSignal.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badSignal.body()).get("error").asString())
        .contains("up, down, not-interested or none")
        .isEqualTo(JSON.readTree(noSignal.body()).get("error").asString());
    assertThat(api("POST", "/api/feedback", "{\"id\":", "Authorization", bearer).statusCode())
        .isEqualTo(400);
    assertThat(
            api("POST", "/api/feedback", "{\"signal\":\"up\"}", "Authorization", bearer)
                .statusCode())
        .isEqualTo(400);
    assertThat(api("POST", "/api/feedback", "[1,2]", "Authorization", bearer).statusCode())
        .isEqualTo(400);
    HttpResponse<String> control =
        api(
            "POST",
            "/api/feedback",
            "{\"id\":\"arxiv:2611.71001\\u0000\\u001b[31m\",\"signal\":\"up\"}",
            "Authorization",
            bearer);
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(control.body()).get("error").asString()).contains("control");
    String huge = "{\"id\":\"" + "x".repeat(200_000) + "\",\"signal\":\"up\"}";
    assertThat(api("POST", "/api/feedback", huge, "Authorization", bearer).statusCode())
        .isEqualTo(413);
    HttpResponse<String> notJson =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/feedback"))
                .header("Content-Type", "text/plain")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString("id=" + PAPER + "&signal=up"))
                .build());
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(api("DELETE", "/api/feedback?id=%01", null, "Authorization", bearer).statusCode())
        .isEqualTo(400);
    assertThat(rows(email)).isZero();
  }

  @Test
  void aCookiePostNeedsTheSitesCsrfValueSoAnotherSiteCannotSendIt() {
    String email = "api-cookie@example.org";
    Reader reader = signIn(email);
    HttpResponse<String> crossSite =
        byCookie(reader, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(crossSite.body()).get("error").asString())
        .contains(Readers.CSRF_HEADER);
    assertThat(byCookie(reader, Readers.CSRF_HEADER, "guessed").statusCode()).isEqualTo(403);
    assertThat(rows(email)).isZero();

    assertThat(byCookie(reader, Readers.CSRF_HEADER, reader.csrf()).statusCode()).isEqualTo(200);
    assertThat(signal(email, PAPER)).isEqualTo("up");
  }

  @Test
  void aPersonalTokenOpensNoOperatorSurface() {
    String token = newToken(signIn("api-operator@example.org"), "not an operator");
    for (String path : new String[] {"/mail", "/sources", "/api/sources", "/actuator/prometheus"}) {
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .header("Authorization", "Bearer " + token)
                  .build());
      assertThat(answer.statusCode()).as(path).isEqualTo(403);
    }
    HttpResponse<String> admin =
        send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/admin/tokens?email=api-operator%40example.org"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.body()).doesNotContain("pbt_");
  }

  @Test
  void revokingAnotherReadersTokenSaysItWasNotFoundAndChangesNothing() {
    Reader owner = signIn("token-owner@example.org");
    String token = newToken(owner, "not yours");
    Matcher id =
        Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(tokensPage(owner).body());
    assertThat(id.find()).isTrue();
    Reader other = signIn("token-other@example.org");

    HttpResponse<String> revoked = postForm("/settings/tokens/revoke", other, "id=" + id.group(1));

    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(revoked.body()).contains("No such token").doesNotContain("Revoked:");
    assertThat(tokensPage(owner).body()).contains("not yours");
    assertThat(give(token, PAPER, "up").statusCode()).isEqualTo(200);
  }
}
