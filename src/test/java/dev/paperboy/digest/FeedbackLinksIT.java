package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.foryou.Feedback;
import dev.paperboy.runtime.SigningKey;
import dev.paperboy.runtime.SiteAddress;
import dev.paperboy.support.PaperboyIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 👍, 👎 and "not interested" links of a real digest, delivered to a real SMTP server
 * (GreenMail) and followed over HTTP as a mail scanner, a mail client's one-click POST and a reader
 * would follow them.
 */
class FeedbackLinksIT extends PaperboyIntegrationTest {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = smtpSink(SMTP_PORT);
  static final Path OWN_DATA = tempDir();
  static final Pattern LINK =
      Pattern.compile("http://[^\\s\"<>]+/feedback\\?token=[A-Za-z0-9_.=-]+");
  static final Pattern FORM =
      Pattern.compile(
          "<form method=\"post\" action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\""
              + " name=\"token\" value=\"([^\"]*)\">");
  static final String EMAIL = "thumbs@example.org";

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    sendMailTo(registry, OWN_DATA, SMTP_PORT);
  }

  @Autowired Digests digests;
  @Autowired Postman postman;
  @Autowired FeedbackLinks links;
  @Autowired SigningKey key;
  @Autowired SiteAddress site;

  private UUID reader;

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void aDigestWithTwoPapers() throws Exception {
    for (String table : List.of("feedback", "digest_paper", "digest", "outbox", "subscriber")) {
      jdbcClient.sql("delete from " + table).update();
    }
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    importText(
        "thumbs.jsonl",
        """
        {"id": "2611.73001", "title": "Zebrafish Regeneration <Atlas> & Co", "abstract": "Zebrafish fins regrow.", "authors": ["Fin Grow"], "categories": ["q-bio.TO"], "published": "%s"}
        {"id": "2611.73002", "title": "Zebrafish Sleep", "abstract": "Zebrafish sleep too.", "authors": ["Rem Fish"], "categories": ["q-bio.NC"], "published": "%s"}
        """
            .formatted(today, today));
    signIn(EMAIL);
    reader =
        jdbcClient
            .sql("update subscriber set topics = '{zebrafish}' where email = ? returning id")
            .param(EMAIL)
            .query(UUID.class)
            .single();
    postman.sendDue();
    SMTP.purgeEmailFromAllMailboxes();
  }

  /** The text and HTML parts of the digest just sent. */
  private List<String> letter() throws Exception {
    assertThat(digests.runNow().queued()).isEqualTo(1);
    assertThat(postman.sendDue()).isEqualTo(1);
    MimeMessage sent = SMTP.getReceivedMessages()[0];
    MimeMultipart parts = new MimeMultipart(sent.getDataHandler().getDataSource());
    return List.of(
        (String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
  }

  private static List<String> feedbackLinks(String part) {
    List<String> found = new ArrayList<>();
    Matcher m = LINK.matcher(part);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private String linkFor(String part, String paper, Feedback.Signal signal) {
    return feedbackLinks(part).stream()
        .filter(l -> claim(l).equals(new FeedbackLinks.Claim(reader, paper, signal)))
        .findFirst()
        .orElseThrow();
  }

  private FeedbackLinks.Claim claim(String link) {
    return links.verify(link.substring(link.indexOf("token=") + 6)).orElseThrow();
  }

  private List<String> recorded() {
    return jdbcClient
        .sql("select paper_id || ' ' || signal from feedback order by paper_id")
        .query(String.class)
        .list();
  }

  /** A POST with no cookie and no CSRF value: what a mail client sends, or the button's form. */
  private HttpResponse<String> post(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private HttpResponse<String> open(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).build());
  }

  /** The page's one button: its form's address and token. */
  private static String[] button(HttpResponse<String> page) {
    Matcher form = FORM.matcher(page.body());
    assertThat(form.find()).as("a button on " + page.body()).isTrue();
    return new String[] {form.group(1), form.group(2)};
  }

  @Test
  void everyItemHasThreeSignedLinksInBothParts() throws Exception {
    List<String> parts = letter();
    for (String part : parts) {
      Set<FeedbackLinks.Claim> claims = new HashSet<>();
      feedbackLinks(part).forEach(l -> claims.add(claim(l)));
      assertThat(feedbackLinks(part)).hasSize(6);
      assertThat(claims).hasSize(6).allMatch(c -> c.reader().equals(reader));
      for (String paper : List.of("arxiv:2611.73001", "arxiv:2611.73002")) {
        for (Feedback.Signal s : Feedback.Signal.values()) {
          assertThat(claims).contains(new FeedbackLinks.Claim(reader, paper, s));
        }
      }
      assertThat(part).doesNotContain("~");
    }
    assertThat(parts.get(0)).contains("👍 More like this: http", "Not interested: http");
    assertThat(parts.get(1)).contains("👍 More like this</a>", "👎 Less like this</a>");
  }

  @Test
  void aGetOnlyAsksThePostRecordsOnceAndUndoTakesItBack() throws Exception {
    String up = linkFor(letter().get(1), "arxiv:2611.73001", Feedback.Signal.UP);

    HttpResponse<String> asked = open(up);
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body())
        .contains("More like this?", "Zebrafish Regeneration &lt;Atlas&gt; &amp; Co");
    assertThat(recorded()).as("a mail scanner's GET records nothing").isEmpty();

    HttpResponse<String> oneClick = post(up, "List-Unsubscribe=One-Click");
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body()).contains("Noted: more like this", "Undo");
    assertThat(recorded()).containsExactly("arxiv:2611.73001 up");
    assertThat(post(up, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
    assertThat(recorded()).as("recording twice is one row").containsExactly("arxiv:2611.73001 up");
    // opened again, the link says what stands, and offers its Undo rather than asking again
    assertThat(open(up).body()).contains("Already noted", "/feedback/undo");

    String[] undo = button(oneClick);
    assertThat(undo[0]).isEqualTo("/feedback/undo");
    HttpResponse<String> undone = post(baseUrl() + undo[0], "token=" + undo[1]);
    assertThat(undone.statusCode()).isEqualTo(200);
    assertThat(undone.body()).contains("Undone");
    assertThat(recorded()).isEmpty();

    // An old link's Undo leaves alone what the reader said about the paper since.
    post(up, "List-Unsubscribe=One-Click");
    jdbcClient
        .sql("update feedback set signal = 'down' where paper_id = 'arxiv:2611.73001'")
        .update();
    HttpResponse<String> stale = post(baseUrl() + undo[0], "token=" + undo[1]);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).contains("Nothing to undo");
    assertThat(recorded()).containsExactly("arxiv:2611.73001 down");
  }

  @Test
  void theTextPartsLinkAndItsPagesButtonRecordWithoutASession() throws Exception {
    List<String> parts = letter();
    String down = linkFor(parts.get(0), "arxiv:2611.73002", Feedback.Signal.DOWN);
    String[] press = button(open(down));
    HttpResponse<String> pressed = post(baseUrl() + press[0], "token=" + press[1] + "&csrf=x");
    assertThat(pressed.statusCode()).isEqualTo(200);
    assertThat(recorded()).containsExactly("arxiv:2611.73002 down");
    HttpResponse<String> dismissed =
        post(linkFor(parts.get(1), "arxiv:2611.73002", Feedback.Signal.NOT_INTERESTED), "");
    assertThat(recorded()).as("the latest wins").containsExactly("arxiv:2611.73002 not-interested");

    // its Undo gives back the 👎 it replaced, and says so
    String[] undo = button(dismissed);
    HttpResponse<String> undone = post(baseUrl() + undo[0], "token=" + undo[1]);
    assertThat(undone.body()).contains("What you said before stands again", "👎 for");
    assertThat(recorded()).containsExactly("arxiv:2611.73002 down");
  }

  @Test
  void aTamperedExpiredOrMalformedLinkIsA400PageAndRecordsNothing() throws Exception {
    String up = linkFor(letter().get(1), "arxiv:2611.73001", Feedback.Signal.UP);
    char last = up.charAt(up.length() - 1);
    String tampered = up.substring(0, up.length() - 1) + (last == 'A' ? 'B' : 'A');
    String expired =
        new FeedbackLinks(
                new Tokens(key, Clock.offset(Clock.systemUTC(), Duration.ofDays(-31))), site)
            .link(reader, "arxiv:2611.73001", Feedback.Signal.UP);
    String base = up.substring(0, up.indexOf("/feedback"));
    List<String> bad =
        List.of(
            tampered,
            expired,
            base + "/feedback?token=not-a-token",
            base + "/feedback?token=a.b.c",
            base + "/feedback");
    for (String link : bad) {
      HttpResponse<String> asked = open(link);
      assertThat(asked.statusCode()).as(link).isEqualTo(400);
      assertThat(asked.body()).contains("This link does not work");
      assertThat(post(link, "List-Unsubscribe=One-Click").statusCode()).as(link).isEqualTo(400);
      String token = link.contains("token=") ? link.substring(link.indexOf("token=")) : "";
      assertThat(post(base + "/feedback/undo", token).statusCode()).isEqualTo(400);
    }
    assertThat(recorded()).isEmpty();

    jdbcClient.sql("delete from subscriber").update();
    assertThat(post(up, "List-Unsubscribe=One-Click").statusCode())
        .as("a link of an account that is gone")
        .isEqualTo(400);
  }
}
