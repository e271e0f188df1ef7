package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Tokens;
import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Emailed links work once, an unsubscribed digest stays off, sessions can be ended. */
class SessionsIT extends SharedApplicationTest {

  private static final Pattern TOKEN = Pattern.compile("(confirm|session)\\?token=(\\S+)");
  private static final String CSRF = "sessions-it-csrf";

  @Autowired Tokens tokens;

  /** The token of the latest letter of this kind to this address. */
  private String mailedToken(String email, String kind) {
    String text =
        jdbcClient
            .sql(
                "select text_body from outbox where lower(recipient) = lower(?) and kind = ?"
                    + " order by id desc limit 1")
            .params(email, kind)
            .query(String.class)
            .single();
    Matcher m = TOKEN.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(2);
  }

  private HttpResponse<String> press(String path, String token) {
    return post(path, "", "token=" + token);
  }

  private HttpResponse<String> post(String path, String cookies, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "pb_csrf=" + CSRF + (cookies.isEmpty() ? "" : "; " + cookies))
            .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + CSRF))
            .build());
  }

  private static String session(HttpResponse<String> signedIn) {
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    return signedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("pb_session=") && !c.startsWith("pb_session=;"))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }

  private int settingsStatus(String session) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/settings"))
            .header("Cookie", session)
            .build())
        .statusCode();
  }

  private String subscribed(String email) {
    subscriptions.subscribe(email, List.of(), "UTC", "sessions-it");
    String confirm = mailedToken(email, "confirm");
    session(press("/confirm", confirm));
    return confirm;
  }

  private String signInLink(String email) {
    subscriptions.requestSignIn(email, "sessions-it");
    return mailedToken(email, "signin");
  }

  private static void assertSpentAndOffersAFreshLink(HttpResponse<String> again) {
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body())
        .contains("This link was used already")
        .contains("action=\"/signin\"")
        .contains("name=\"email\"");
  }

  @Test
  void aSignInLinkWorksOnceAndThenOffersAFreshOne() {
    subscribed("once@example.org");
    String link = signInLink("once@example.org");
    String first = session(press("/session", link));
    assertThat(settingsStatus(first)).isEqualTo(200);
    assertSpentAndOffersAFreshLink(press("/session", link));
  }

  @Test
  void aConfirmationLinkWorksOnce() {
    String confirm = subscribed("confirm-once@example.org");
    assertSpentAndOffersAFreshLink(press("/confirm", confirm));
  }

  @Test
  void aNewerLinkReplacesAnOlderOne() {
    subscribed("newer@example.org");
    String older = signInLink("newer@example.org");
    String newer = signInLink("newer@example.org");
    assertSpentAndOffersAFreshLink(press("/session", older));
    session(press("/session", newer));
  }

  @Test
  void aConfirmationLinkDoesNotResubscribeAnAddressThatLeftSince() {
    String email = "left@example.org";
    subscriptions.subscribe(email, List.of(), "UTC", "sessions-it");
    String older = mailedToken(email, "confirm");
    subscriptions.subscribe(email, List.of(), "UTC", "sessions-it");
    session(press("/confirm", mailedToken(email, "confirm")));
    UUID id = subscriberId(email);
    subscriptions.unsubscribe(tokens.issue(Tokens.Purpose.UNSUBSCRIBE, id)).orElseThrow();

    assertThat(press("/confirm", older).statusCode()).isEqualTo(410);
    assertThat(digest(email)).isFalse();
  }

  @Test
  void signOutEndsThisSessionOnly() {
    subscribed("signout@example.org");
    String here = session(press("/session", signInLink("signout@example.org")));
    String there = session(press("/session", signInLink("signout@example.org")));

    HttpResponse<String> out = post("/settings/signout", here, "");
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.body()).contains("You are signed out");
    assertThat(settingsStatus(here)).isEqualTo(302);
    assertThat(settingsStatus(there)).isEqualTo(200);
  }

  @Test
  void signOutEverywhereEndsEverySessionAndTheDigestsManageLinks() {
    String email = "everywhere@example.org";
    subscribed(email);
    UUID id = subscriberId(email);
    String manage = tokens.issue(Tokens.Purpose.MANAGE, id, 0);
    String here = session(press("/session", signInLink(email)));
    String there = session(press("/session", manage));
    // A digest's manage link is not one-time: every letter's link keeps working until then.
    session(press("/session", manage));
    String pending = signInLink(email);

    assertThat(post("/settings/signout-everywhere", here, "").statusCode()).isEqualTo(200);
    assertThat(settingsStatus(here)).isEqualTo(302);
    assertThat(settingsStatus(there)).isEqualTo(302);
    assertSpentAndOffersAFreshLink(press("/session", manage));
    assertSpentAndOffersAFreshLink(press("/session", pending));
    assertThat(status(email)).isEqualTo("confirmed");
    // The next digest's link carries the new serial, and signs in again.
    session(press("/session", tokens.issue(Tokens.Purpose.MANAGE, id, 1)));
  }

  @Test
  void theSettingsPageOffersBothSignOutButtons() {
    subscribed("buttons@example.org");
    String here = session(press("/session", signInLink("buttons@example.org")));
    String page =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/settings"))
                .header("Cookie", here)
                .build())
            .body();
    assertThat(page)
        .contains("action=\"/settings/signout\"", ">Sign out</button>")
        .contains("action=\"/settings/signout-everywhere\"", ">Sign out everywhere</button>");
  }

  @Test
  void aBadTimeZoneIsShownBesideItsFieldWithEverythingTypedKept() {
    subscribed("zone@example.org");
    String here = session(press("/session", signInLink("zone@example.org")));
    HttpResponse<String> page =
        post(
            "/settings",
            here,
            "topics=cat%3Acs.CL%0Adiffusion+models&cadence=weekly&hour=6&zone=Mars%2FOlympus");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("<h2>Your digest</h2>")
        .contains("id=\"zone-problem\"", "unknown time zone: Mars/Olympus")
        .contains("value=\"Mars/Olympus\"", "aria-describedby=\"zone-problem\"")
        .contains("cat:cs.CL\ndiffusion models</textarea>")
        .containsPattern("value=\"weekly\"\\s+checked")
        .containsPattern("value=\"6\"\\s+selected");
    // Nothing was saved.
    assertThat(
            jdbcClient
                .sql("select zone from subscriber where email_key = 'zone@example.org'")
                .query(String.class)
                .single())
        .isEqualTo("UTC");
  }

  @Test
  void aBadAddressInTheSubscribeOrSignInFormIsShownBesideItWithTheTypingKept() {
    HttpResponse<String> subscribe =
        post("/subscribe", "", "email=not-an-address&topics=cat%3Acs.CL%2C+robotics");
    assertThat(subscribe.statusCode()).isEqualTo(400);
    assertThat(subscribe.body())
        .contains("id=\"subscribe-email-problem\"", "please give one valid email address")
        .contains("value=\"not-an-address\"", "value=\"cat:cs.CL, robotics\"");
    HttpResponse<String> signIn = post("/signin", "", "email=me%40");
    assertThat(signIn.statusCode()).isEqualTo(400);
    assertThat(signIn.body())
        .contains("id=\"signin-email-problem\"", "please give one valid email address")
        .contains("value=\"me@\"");
  }

  private UUID subscriberId(String email) {
    return jdbcClient
        .sql("select id from subscriber where email_key = lower(?)")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private boolean digest(String email) {
    return jdbcClient
        .sql("select digest from subscriber where email_key = lower(?)")
        .param(email)
        .query(Boolean.class)
        .single();
  }

  private String status(String email) {
    return jdbcClient
        .sql("select status from subscriber where email_key = lower(?)")
        .param(email)
        .query(String.class)
        .single();
  }
}
