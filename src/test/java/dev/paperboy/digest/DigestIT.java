package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.paperboy.support.PaperboyIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Subscriptions and digests on a real SMTP server in-process (GreenMail). */
class DigestIT extends PaperboyIntegrationTest {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = smtpSink(SMTP_PORT);
  static final Path OWN_DATA = tempDir();
  static final Pattern LINK =
      Pattern.compile(
          "(http://[^\\s\"<>]+/(confirm|session|unsubscribe)" + "\\?token=[A-Za-z0-9_.=-]+)");

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    sendMailTo(registry, OWN_DATA, SMTP_PORT);
    registry.add("paperboy.mail.from", () -> "digest@paperboy.example");
  }

  @Autowired Digests digests;
  @Autowired Postman postman;
  @Autowired JdbcClient jdbc;

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void cleanSlate() throws Exception {
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
    SMTP.purgeEmailFromAllMailboxes();
    jdbc.sql("delete from digest_paper").update();
    jdbc.sql("delete from digest").update();
    jdbc.sql("delete from outbox").update();
    jdbc.sql("delete from subscriber").update();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    importText(
        "fresh.jsonl",
        String.format(
            """
        {"id": "2611.60001", "title": "Diffusion Models for Weather & <Climate>", "abstract": "We apply diffusion models to global weather fields.", "authors": ["Ana Ràmirez"], "categories": ["cs.LG"], "published": "%s"}
        {"id": "2611.60002", "title": "Faster Diffusion Sampling", "abstract": "A diffusion sampler in four steps, $\\\\times 2.5$ faster in $\\\\mathbb{R}^d$.", "authors": ["Bo Li", "Jo\\\\~ao S{\\\\o}rensen"], "categories": ["cs.CV"], "published": "%s"}
        """,
            today, today));
  }

  private MimeMessage[] mail() {
    return SMTP.getReceivedMessages();
  }

  private HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static String link(MimeMessage m, String kind) {
    Matcher matcher =
        LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
    while (matcher.find()) {
      if (matcher.group(2).equals(kind)) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("no " + kind + " link in " + GreenMailUtil.getBody(m));
  }

  /** GETs the page behind a mailed link, then presses its button, as a reader would. */
  private HttpResponse<String> press(String link) {
    HttpResponse<String> page = get(link.substring(baseUrl().length()));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = cookie.substring(cookie.indexOf('=') + 1);
    String token = link.substring(link.indexOf("token=") + "token=".length());
    String path = link.substring(baseUrl().length(), link.indexOf('?'));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&csrf=" + csrf))
            .build());
  }

  private String subscribeAndConfirm(String email) {
    assertThat(
            postJson(
                    "/api/subscriptions",
                    "{\"email\":\""
                        + email
                        + "\",\"topics\":[\"diffusion\"],\"zone\":\"Europe/Berlin\"}")
                .statusCode())
        .isEqualTo(202);
    postman.sendDue();
    MimeMessage confirm = mail()[mail().length - 1];
    HttpResponse<String> confirmed = press(link(confirm, "confirm"));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/settings?subscribed");
    return confirmed.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("pb_session="))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void subscribeConfirmDigestAndOneClickUnsubscribe() throws Exception {
    String session = subscribeAndConfirm("reader@example.org");
    assertThat(get("/settings").statusCode()).isEqualTo(302);
    HttpResponse<String> settings =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/settings"))
                .header("Cookie", session.split(";")[0])
                .build());
    assertThat(settings.body()).contains("reader@example.org", "diffusion");

    assertThat(digests.runNow().queued()).isEqualTo(1);
    assertThat(digests.runNow().queued()).isZero();
    assertThat(postman.sendDue()).isEqualTo(1);
    MimeMessage digest = mail()[mail().length - 1];
    assertThat(digest.getSubject()).startsWith("Paperboy: 2 trending papers");
    assertThat(digest.getHeader("List-Unsubscribe-Post")[0])
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(digest.getHeader("List-Unsubscribe")[0])
        .contains("/unsubscribe?token=")
        .doesNotContain("mailto:");
    assertThat(digest.getMessageID()).startsWith("<digest-").endsWith("@paperboy.example>");
    assertThat(digest.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = new MimeMultipart(digest.getDataHandler().getDataSource());
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text)
        .contains(
            "Diffusion Models for Weather & <Climate>",
            "Why: matches your topic “diffusion”",
            "Unsubscribe: http",
            // Math reads as Unicode text, since no mail client runs KaTeX.
            "four steps, × 2.5 faster in ℝᵈ.");
    assertThat(html).contains("four steps, × 2.5 faster in ℝᵈ.");
    // TeX accents in names read as letters, as on the pages.
    assertThat(text).contains("Bo Li, João Sørensen");
    assertThat(html).contains("Bo Li, João Sørensen");
    assertThat(html)
        .contains("Diffusion Models for Weather &amp; &lt;Climate&gt;", "Unsubscribe")
        .doesNotContain("<script")
        .doesNotContain("<img");

    String unsubscribe = digest.getHeader("List-Unsubscribe")[0].replaceAll("^<([^>]+)>.*", "$1");
    HttpResponse<String> oneClick =
        send(
            HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(jdbc.sql("select digest from subscriber").query(Boolean.class).single()).isFalse();

    // Unsubscribing ends the digest, not the account: the letter's "change topics or schedule"
    // link still signs in, to settings that show the digest off.
    HttpResponse<String> pressed = press(link(digest, "session"));
    assertThat(pressed.statusCode()).isEqualTo(302);
    assertThat(pressed.headers().firstValue("Location").orElseThrow()).endsWith("/settings");
  }

  @Test
  void anUnconfirmedAddressNeverGetsADigest() {
    postJson("/api/subscriptions", "{\"email\":\"lurker@example.org\"}");
    digests.runNow();
    assertThat(jdbc.sql("select count(*) from digest").query(Long.class).single()).isZero();
    postman.sendDue();
    assertThat(mail())
        .singleElement()
        .extracting(
            m -> {
              try {
                return m.getSubject();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .isEqualTo("Confirm your Paperboy subscription");
  }

  @Test
  void aTamperedConfirmationLinkIsRefused() {
    postJson("/api/subscriptions", "{\"email\":\"tamper@example.org\"}");
    postman.sendDue();
    String link = link(mail()[0], "confirm");
    HttpResponse<String> refused = press(link.substring(0, link.length() - 2) + "xx");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(jdbc.sql("select status from subscriber").query(String.class).single())
        .isEqualTo("pending");
  }

  @Test
  void twoSchedulersRacingMakeOneDigestEach() throws Exception {
    subscribeAndConfirm("racer@example.org");
    Callable<Digests.Run> run = digests::runNow;
    var pool = Executors.newFixedThreadPool(2);
    List<Digests.Run> runs = new ArrayList<>();
    for (var f : pool.invokeAll(List.of(run, run))) {
      runs.add(f.get());
    }
    pool.shutdown();
    assertThat(runs.stream().mapToInt(Digests.Run::queued).sum()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from outbox where kind = 'digest'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aSenderKilledMidSendIsReplacedAndTheDigestArrivesOnceWithTheSameId() throws Exception {
    subscribeAndConfirm("crash@example.org");
    SMTP.purgeEmailFromAllMailboxes();
    digests.runNow();
    // A sender claims the row and dies before recording the outcome.
    jdbc.sql(
            "update outbox set status = 'sending', claimed_at = now() - interval '11 minutes',"
                + " attempts = 1 where kind = 'digest'")
        .update();
    assertThat(postman.sendDue()).isEqualTo(1);
    assertThat(postman.sendDue()).isZero();
    assertThat(mail()).hasSize(1);
    assertThat(mail()[0].getMessageID())
        .isEqualTo(
            jdbc.sql("select message_id from outbox where kind = 'digest'")
                .query(String.class)
                .single());
  }

  @Test
  void aLetterSentAgainAfterACrashBetweenAcceptAndRecordKeepsItsMessageId() throws Exception {
    postJson("/api/subscriptions", "{\"email\":\"twice@example.org\"}");
    assertThat(postman.sendDue()).isEqualTo(1);
    // The server accepted it, then the sender died before the row said so: the claim goes stale.
    jdbc.sql(
            "update outbox set status = 'sending', sent_at = null,"
                + " claimed_at = now() - interval '11 minutes'")
        .update();
    assertThat(postman.sendDue()).isEqualTo(1);

    String queued = jdbc.sql("select message_id from outbox").query(String.class).single();
    assertThat(mail()).hasSize(2);
    assertThat(mail()[0].getMessageID())
        .isEqualTo(mail()[1].getMessageID())
        .isEqualTo(queued)
        .matches("<[0-9a-f-]{36}@paperboy\\.example>");
  }

  @Test
  void anSmtpServerDownForAWhileDelaysButLosesNothing() {
    SMTP.stop();
    postJson("/api/subscriptions", "{\"email\":\"patient@example.org\"}");
    assertThat(postman.sendDue()).isZero();
    assertThat(
            jdbc.sql(
                    "select status || ' ' || (last_error is not null) || ' '"
                        + " || (next_attempt > now()) from outbox")
                .query(String.class)
                .single())
        .isEqualTo("queued true true");
    SMTP.start();
    jdbc.sql("update outbox set next_attempt = now()").update();
    assertThat(postman.sendDue()).isEqualTo(1);
    assertThat(mail()).hasSize(1);
  }

  @Test
  void headerInjectionIsRejectedAndMailToOneAddressIsRateLimited() {
    assertThat(
            postJson(
                    "/api/subscriptions",
                    "{\"email\":\"a@example.org\\r\\nBcc: victim@example.org\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            postJson(
                    "/api/subscriptions",
                    "{\"email\":\"a@example.org\",\"topics\":[\"x\\r\\nBcc: v@example.org\"]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(postJson("/api/subscriptions", "{not json").statusCode()).isEqualTo(400);
    for (int i = 0; i < 5; i++) {
      assertThat(postJson("/api/subscriptions", "{\"email\":\"often@example.org\"}").statusCode())
          .isEqualTo(202);
    }
    assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).isEqualTo(3);
  }

  @Autowired Outbox outbox;
  @Autowired Subscribers subscriberStore;
  @Autowired MailSettings mailSettings;

  @Test
  void aPermanentRejectionFailsTheMessageWithTheReplyAndMarksTheAddressBouncing() throws Exception {
    postJson("/api/subscriptions", "{\"email\":\"nobody@example.org\"}");
    try (RejectingSmtpServer rejecting = new RejectingSmtpServer()) {
      var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(rejecting.port());
      MailSettings oneStrike =
          new MailSettings(
              "127.0.0.1", rejecting.port(), null, null, mailSettings.from(), 8, 1, 3, 1000);
      Postman strict =
          new Postman(
              outbox,
              subscriberStore,
              java.util.Optional.of(sender),
              oneStrike,
              new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
              java.time.Clock.systemUTC());
      assertThat(strict.sendDue()).isZero();
    }
    assertThat(
            jdbc.sql("select status || ': ' || last_error from outbox")
                .query(String.class)
                .single())
        .startsWith("failed: ")
        .contains("550");
    assertThat(jdbc.sql("select status from subscriber").query(String.class).single())
        .isEqualTo("bouncing");
  }

  @Test
  void formsWithoutTheCsrfValueAreRefused() {
    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/subscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=forged%40example.org"))
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from subscriber").query(Long.class).single()).isZero();
  }

  @Test
  void thePreviewShowsWhatASubscriberWouldGet() {
    subscribeAndConfirm("preview@example.org");
    Digests.Preview preview = digests.preview("preview@example.org").orElseThrow();
    assertThat(preview.text()).contains("Faster Diffusion Sampling");
    assertThat(preview.html()).contains("Faster Diffusion Sampling");
    assertThat(jdbc.sql("select count(*) from digest").query(Long.class).single()).isZero();
  }

  @Test
  void aPaperTheReaderTurnedAwayIsInNoLetter() {
    subscribeAndConfirm("turned-away@example.org");
    assertThat(digests.preview("turned-away@example.org").orElseThrow().text())
        .contains("Faster Diffusion Sampling");
    java.util.UUID reader =
        jdbc.sql("select id from subscriber where email = ?")
            .param("turned-away@example.org")
            .query(java.util.UUID.class)
            .single();
    jdbc.sql(
            "insert into feedback (subscriber_id, paper_id, signal) values (?, ?, 'not-interested')")
        .params(reader, "arxiv:2611.60002")
        .update();
    assertThat(digests.preview("turned-away@example.org").orElseThrow().text())
        .doesNotContain("Faster Diffusion Sampling");
  }

  @Test
  void aPaperInTheReadersLibraryIsInNoLetter() {
    subscribeAndConfirm("saved-it@example.org");
    assertThat(digests.preview("saved-it@example.org").orElseThrow().text())
        .startsWith("Trending papers for you, ")
        .contains("/papers/arxiv:2611.60002");
    jdbc.sql(
            "insert into saved_paper (subscriber_id, paper_id) select id, ? from subscriber"
                + " where email = ?")
        .params("arxiv:2611.60002", "saved-it@example.org")
        .update();
    // (its title may still be in the letter: as the reason For you gives for another paper)
    assertThat(digests.preview("saved-it@example.org").orElseThrow().text())
        .doesNotContain("/papers/arxiv:2611.60002");
  }

  private String subscribeAndConfirm(String email, String topic) {
    String session = subscribeAndConfirm(email);
    jdbc.sql("update subscriber set topics = ?, hour = 0 where email = ?")
        .params(new String[] {topic}, email)
        .update();
    return session;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void aQuietDayRecordsNothingAndPapersThatArriveLaterInTheDayStillGoOut() throws Exception {
    // Confirmed after the delivery hour (00:00 in their zone), on a day with nothing on the topic.
    subscribeAndConfirm("late@example.org", "glaciology");
    SMTP.purgeEmailFromAllMailboxes();
    Digests.Run scheduled = digests.runDue();
    assertThat(scheduled.queued()).isZero();
    assertThat(scheduled.nothingNew()).isEqualTo(1);
    Digests.Run now = digests.runNow();
    assertThat(now.queued()).isZero();
    assertThat(now.alreadyHad()).isZero();
    assertThat(now.toString()).contains("0 already had");
    assertThat(count("select count(*) from digest")).isZero();

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    importText(
        "glaciers.jsonl",
        String.format(
            """
        {"id": "2611.61001", "title": "Glaciology from Orbit", "abstract": "Glaciology with radar.", "authors": ["Ice Berg"], "categories": ["physics.geo-ph"], "published": "%s"}
        """,
            today));
    assertThat(digests.runNow().queued()).isEqualTo(1);
    assertThat(postman.sendDue()).isEqualTo(1);
    assertThat(mail()).singleElement();
    assertThat(GreenMailUtil.getBody(mail()[0])).contains("Glaciology from Orbit");
    Digests.Run again = digests.runNow();
    assertThat(again.queued()).isZero();
    assertThat(again.alreadyHad()).isEqualTo(1);
  }

  /**
   * A letter with its links' tokens masked (they carry their issue time, to the second) and the
   * line ends of mail (CRLF) made plain.
   */
  private static String masked(String letter) {
    return letter.replace("\r\n", "\n").replaceAll("token=[A-Za-z0-9_.=-]+", "token=…");
  }

  @Test
  void thePreviewIsWhatRunNowSends() throws Exception {
    subscribeAndConfirm("same@example.org", "diffusion");
    SMTP.purgeEmailFromAllMailboxes();
    Digests.Preview preview = digests.preview("same@example.org").orElseThrow();
    assertThat(preview.nothingBecause()).isNull();
    assertThat(digests.runNow().queued()).isEqualTo(1);
    postman.sendDue();
    MimeMessage sent = mail()[0];
    MimeMultipart parts = new MimeMultipart(sent.getDataHandler().getDataSource());
    assertThat(sent.getSubject()).isEqualTo(preview.subject());
    assertThat(masked((String) parts.getBodyPart(0).getContent()))
        .isEqualTo(masked(preview.text()));
    assertThat(masked((String) parts.getBodyPart(1).getContent()))
        .isEqualTo(masked(preview.html()));

    Digests.Preview after = digests.preview("same@example.org").orElseThrow();
    assertThat(after.subject()).isNull();
    assertThat(after.nothingBecause()).contains("already had this period's digest");
    assertThat(digests.runNow().queued()).isZero();
  }

  private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern FORM =
      Pattern.compile(
          "<form method=\"post\" action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\""
              + " name=\"token\" value=\"([^\"]*)\">\\s*<input type=\"hidden\" name=\"csrf\""
              + " value=\"([^\"]*)\">");

  /** A browser: keeps cookies, follows redirects. */
  private static java.net.http.HttpClient browser() {
    return java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager())
        .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
        .build();
  }

  private static HttpResponse<String> visit(java.net.http.HttpClient browser, HttpRequest request)
      throws Exception {
    HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(request.uri().toString()).isBetween(200, 399);
    return response;
  }

  /** Opens a link and presses the one button on its page, as a reader would. */
  private static HttpResponse<String> openAndPress(java.net.http.HttpClient browser, String link)
      throws Exception {
    HttpResponse<String> page = visit(browser, HttpRequest.newBuilder(URI.create(link)).build());
    Matcher form = FORM.matcher(page.body());
    assertThat(form.find()).as("a button on " + link).isTrue();
    URI action = URI.create(link).resolve(form.group(1));
    return visit(
        browser,
        HttpRequest.newBuilder(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token=" + form.group(2) + "&csrf=" + form.group(3)))
            .build());
  }

  @Test
  void everyLinkOfALetterAnswersAndDoesWhatItSays() throws Exception {
    subscribeAndConfirm("links@example.org", "diffusion");
    SMTP.purgeEmailFromAllMailboxes();
    digests.runNow();
    postman.sendDue();
    MimeMessage letter = mail()[0];
    MimeMultipart parts = new MimeMultipart(letter.getDataHandler().getDataSource());
    java.util.Set<String> links = new java.util.LinkedHashSet<>();
    Matcher text = URL.matcher((String) parts.getBodyPart(0).getContent());
    while (text.find()) {
      links.add(text.group());
    }
    Matcher html = HREF.matcher((String) parts.getBodyPart(1).getContent());
    while (html.find()) {
      links.add(html.group(1).replace("&amp;", "&"));
    }
    String oneClick = letter.getHeader("List-Unsubscribe")[0].replaceAll("^<([^>]+)>$", "$1");
    assertThat(links).anyMatch(l -> l.contains("/papers/")).contains(oneClick);
    String site = oneClick.substring(0, oneClick.indexOf("/unsubscribe"));

    List<String> unsubscribes = new ArrayList<>();
    int feedback = 0;
    for (String link : links) {
      if (!link.startsWith(site + "/")) {
        // The only links off the site are arXiv's PDFs, which a test may not fetch.
        assertThat(link).as(link).matches("https://arxiv\\.org/pdf/2611\\.6000[12]");
      } else if (link.contains("/papers/")) {
        String id = link.substring(link.indexOf("/papers/") + "/papers/".length());
        String title =
            jdbc.sql("select title from paper where id = ?").param(id).query(String.class).single();
        assertThat(visit(browser(), HttpRequest.newBuilder(URI.create(link)).build()).body())
            .contains(org.springframework.web.util.HtmlUtils.htmlEscape(title));
      } else if (link.contains("/feedback?")) {
        // A link only asks; its page's button records.
        long before = jdbc.sql("select count(*) from feedback").query(Long.class).single();
        visit(browser(), HttpRequest.newBuilder(URI.create(link)).build());
        assertThat(jdbc.sql("select count(*) from feedback").query(Long.class).single())
            .isEqualTo(before);
        assertThat(openAndPress(browser(), link).body()).contains("Noted", "Undo");
        feedback++;
      } else if (link.contains("/session?")) {
        HttpResponse<String> settings = openAndPress(browser(), link);
        assertThat(settings.uri().getPath()).isEqualTo("/settings");
        assertThat(settings.body()).contains("links@example.org", "diffusion");
      } else {
        assertThat(link).contains("/unsubscribe?token=");
        unsubscribes.add(link);
      }
    }
    assertThat(unsubscribes).isNotEmpty();
    assertThat(feedback).as("👍, 👎 and not interested for each paper").isPositive();
    assertThat(jdbc.sql("select count(*) from feedback").query(Long.class).single())
        .as("one row per paper, the latest signal")
        .isBetween(1L, (long) feedback);
    for (String link : unsubscribes) {
      jdbc.sql("update subscriber set digest = true").update();
      assertThat(openAndPress(browser(), link).body()).contains("You are unsubscribed");
      assertThat(jdbc.sql("select digest from subscriber").query(Boolean.class).single()).isFalse();
    }
    jdbc.sql("update subscriber set digest = true").update();
    HttpResponse<String> mailClient =
        visit(
            browser(),
            HttpRequest.newBuilder(URI.create(oneClick))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
    assertThat(mailClient.statusCode()).isEqualTo(200);
    assertThat(jdbc.sql("select digest from subscriber").query(Boolean.class).single()).isFalse();
  }

  @Test
  void theDigestRanksATopicInTheOrderOfTheTrendingApi() throws Exception {
    // Upvotes from two months ago: outside today's window, so they must not lift the paper.
    jdbc.sql(
            "insert into paper_signal (paper_id, source, kind, value, observed_at) values"
                + " ('arxiv:2611.60002', 'huggingface', 'upvotes', 50, now() - interval '60 days')"
                + " on conflict do nothing")
        .update();
    jdbc.sql(
            "insert into paper_view (paper_id, day, views) values ('arxiv:2611.60001',"
                + " current_date, 30) on conflict (paper_id, day) do update set views = 30")
        .update();
    subscribeAndConfirm("order@example.org", "diffusion");
    SMTP.purgeEmailFromAllMailboxes();
    digests.runNow();
    postman.sendDue();
    MimeMultipart parts = new MimeMultipart(mail()[0].getDataHandler().getDataSource());
    List<String> inLetter = new ArrayList<>();
    for (String line : ((String) parts.getBodyPart(0).getContent()).split("\n")) {
      if (line.startsWith("* ")) {
        inLetter.add(line.substring(2).strip());
      }
    }
    List<String> trending = new ArrayList<>();
    JSON.readTree(get("/api/trending?window=day&topic=diffusion").body())
        .get("results")
        .forEach(r -> trending.add(r.get("title").asString()));
    assertThat(inLetter).hasSizeGreaterThanOrEqualTo(2).isEqualTo(trending);
    jdbc.sql("delete from paper_signal where paper_id = 'arxiv:2611.60002'").update();
    jdbc.sql("delete from paper_view where paper_id = 'arxiv:2611.60001'").update();
  }
}
