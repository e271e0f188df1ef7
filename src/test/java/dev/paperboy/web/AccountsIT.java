package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Digests;
import dev.paperboy.digest.Tokens;
import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account is not a mailing list: anyone signs in by an emailed link and keeps a library and
 * votes with no digest; the digest is a setting; leaving it keeps the account.
 */
class AccountsIT extends SharedApplicationTest {

  private static final Pattern SESSION_LINK = Pattern.compile("session\\?token=(\\S+)");
  private static final String PAPER = "arxiv:2611.71001";
  private static final String TITLE = "Accounts Without Newsletters";

  @Autowired Tokens tokens;
  @Autowired Digests digests;

  @BeforeEach
  void aPaperOfToday() {
    importText(
        "accounts.jsonl",
        "{\"id\": \"2611.71001\", \"title\": \""
            + TITLE
            + "\", \"abstract\": \"Signing in without subscribing.\", \"published\": \""
            + LocalDate.now(ZoneOffset.UTC)
            + "\"}\n");
  }

  /** Asks for a sign-in link, as the sign-in page does, and uses it: a signed-in reader. */
  private Reader signInByLink(String email) {
    subscriptions.requestSignIn(email, "accounts-it-" + UUID.randomUUID());
    String text =
        jdbcClient
            .sql(
                "select text_body from outbox where lower(recipient) = lower(?)"
                    + " and kind = 'signin' order by id desc limit 1")
            .param(email)
            .query(String.class)
            .single();
    Matcher m = SESSION_LINK.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    String csrf = "accounts-it-csrf";
    HttpResponse<String> signedIn =
        postForm("/session", new Reader("pb_csrf=" + csrf, csrf), "token=" + m.group(1));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    String session =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("pb_session=") && !c.startsWith("pb_session=;"))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    return new Reader(session + "; pb_csrf=" + csrf, csrf);
  }

  private HttpResponse<String> getAs(Reader reader, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Cookie", reader.cookies())
            .build());
  }

  private void voteAndSave(Reader reader) {
    assertThat(postForm("/vote", reader, "paper=" + PAPER + "&action=up").statusCode())
        .isEqualTo(302);
    assertThat(postForm("/save", reader, "paper=" + PAPER + "&action=save").statusCode())
        .isEqualTo(302);
  }

  private UUID accountId(String email) {
    return jdbcClient
        .sql("select id from subscriber where email_key = lower(?)")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private int count(String table, UUID account) {
    return jdbcClient
        .sql("select count(*) from " + table + " where subscriber_id = ? and paper_id = ?")
        .params(account, PAPER)
        .query(Integer.class)
        .single();
  }

  private int digestsTo(String email) {
    return jdbcClient
        .sql("select count(*) from outbox where lower(recipient) = lower(?) and kind = 'digest'")
        .param(email)
        .query(Integer.class)
        .single();
  }

  @Test
  void someoneWhoNeverSubscribedSignsInVotesSavesAndSeesTheirLibrary() {
    String email = "never-subscribed@example.org";
    Reader reader = signInByLink(email);
    voteAndSave(reader);

    HttpResponse<String> library = getAs(reader, "/library");
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains(TITLE);
    assertThat(count("vote", accountId(email))).isEqualTo(1);
    assertThat(
            jdbcClient
                .sql("select digest from subscriber where id = ?")
                .param(accountId(email))
                .query(Boolean.class)
                .single())
        .isFalse();
    digests.runNow();
    assertThat(digestsTo(email)).isZero();
  }

  @Test
  void aSubscriberWhoUnsubscribesKeepsLibraryVotesAndSignIn() {
    String email = "leaves-the-digest@example.org";
    Reader reader = signIn(email);
    voteAndSave(reader);
    UUID id = accountId(email);

    HttpResponse<String> left =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/unsubscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + tokens.issue(Tokens.Purpose.UNSUBSCRIBE, id)))
                .build());
    assertThat(left.statusCode()).isEqualTo(200);
    assertThat(left.body()).contains("You are unsubscribed", "Your account stays");

    assertThat(getAs(reader, "/library").body()).contains(TITLE);
    assertThat(count("vote", id)).isEqualTo(1);
    assertThat(count("saved_paper", id)).isEqualTo(1);
    HttpResponse<String> settings = getAs(signInByLink(email), "/settings");
    assertThat(settings.statusCode()).isEqualTo(200);
    assertThat(settings.body()).containsPattern("value=\"false\"\\s+checked");
    digests.runNow();
    assertThat(digestsTo(email)).isZero();
  }

  @Test
  void theDigestGoesOutOnlyWhileItIsOn() {
    String email = "digest-switch@example.org";
    Reader reader = signInByLink(email);
    String schedule = "&topics=&cadence=daily&hour=8&zone=UTC";

    assertThat(postForm("/settings", reader, "digest=true" + schedule).statusCode()).isEqualTo(302);
    digests.runNow();
    assertThat(digestsTo(email)).isEqualTo(1);

    assertThat(postForm("/settings", reader, "digest=false" + schedule).statusCode())
        .isEqualTo(302);
    // Forget this period's letter and its papers, so only the switch can hold the next one back.
    jdbcClient.sql("delete from digest where subscriber_id = ?").param(accountId(email)).update();
    jdbcClient
        .sql("delete from digest_paper where subscriber_id = ?")
        .param(accountId(email))
        .update();
    digests.runNow();
    assertThat(digestsTo(email)).isEqualTo(1);
  }

  private static String accountNav(String page) {
    int from = page.indexOf("class=\"account-nav\"");
    assertThat(from).as(page).isNotNegative();
    return page.substring(from, page.indexOf("</nav>", from));
  }

  @Test
  void theHeaderOffersSignInOrTheReadersOwnPages() {
    String signedOut = accountNav(get("/").body());
    assertThat(signedOut).contains("href=\"/signin\"").doesNotContain("href=\"/library\"");

    String signedIn = accountNav(getAs(signInByLink("header-links@example.org"), "/").body());
    assertThat(signedIn)
        .contains("href=\"/library\"", "href=\"/settings\"", "action=\"/settings/signout\"")
        .doesNotContain("href=\"/signin\"");
  }

  @Test
  void theSignInPageSaysWhatWillHappenAndOnlyTheOperatorLearnsWhereMailWaits() {
    String visitor = get("/signin").body();
    assertThat(visitor).contains("email you a link that signs you in", "No newsletter");
    assertThat(visitor).doesNotContain("local mail page");

    HttpResponse<String> operator =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/signin"))
                .header(
                    "Cookie",
                    "pb_operator=" + tokens.issue(Tokens.Purpose.OPERATOR, UUID.randomUUID()))
                .build());
    assertThat(operator.body()).contains("local mail page", "href=\"/mail\"");
  }

  @Test
  void theFaviconAnswersAtBothAddresses() {
    HttpResponse<String> ico = get("/favicon.ico");
    assertThat(ico.statusCode()).isEqualTo(301);
    assertThat(ico.headers().firstValue("Location").orElseThrow()).endsWith("/favicon.svg");
    HttpResponse<String> svg = get("/favicon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("<svg");
  }
}
