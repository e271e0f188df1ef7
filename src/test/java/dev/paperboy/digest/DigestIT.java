package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.support.PaperboyIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
  static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
  static final Path OWN_DATA = tempDir();
  static final Pattern LINK =
      Pattern.compile(
          "(http://[^\\s\"<>]+/(confirm|session|unsubscribe)" + "\\?token=[A-Za-z0-9_.=-]+)");

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
    registry.add("paperboy.mail.smtp-host", () -> "127.0.0.1");
    registry.add("paperboy.mail.smtp-port", () -> SMTP_PORT);
    registry.add("paperboy.mail.from", () -> "digest@paperboy.example");
    registry.add("paperboy.mail.per-client-per-hour", () -> "1000");
  }

  @Autowired Digests digests;
  @Autowired Postman postman;
  @Autowired JdbcClient jdbc;

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
        {"id": "2611.60002", "title": "Faster Diffusion Sampling", "abstract": "A diffusion sampler in four steps.", "authors": ["Bo Li"], "categories": ["cs.CV"], "published": "%s"}
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
    assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/settings");
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
        .contains("/unsubscribe?token=", "mailto:digest@paperboy.example");
    assertThat(digest.getMessageID()).startsWith("<digest-").endsWith("@paperboy.example>");
    assertThat(digest.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = new MimeMultipart(digest.getDataHandler().getDataSource());
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text)
        .contains(
            "Diffusion Models for Weather & <Climate>",
            "Why: matches your topic “diffusion”",
            "Unsubscribe: http");
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
    assertThat(jdbc.sql("select status from subscriber").query(String.class).single())
        .isEqualTo("unsubscribed");
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
}
