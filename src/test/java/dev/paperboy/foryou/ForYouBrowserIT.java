package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.digest.Digests;
import dev.paperboy.digest.Postman;
import dev.paperboy.support.Chromium;
import dev.paperboy.support.PaperboyIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For you as a reader meets it, in headless Chromium and in the mail (GreenMail): two papers saved
 * from their pages give a For you tab whose papers say why, and a digest whose first section is For
 * you, recorded so that no digest repeats it; the setting takes the section out.
 */
class ForYouBrowserIT extends PaperboyIntegrationTest {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = smtpSink(SMTP_PORT);
  static final Path OWN_DATA = tempDir();

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    sendMailTo(registry, OWN_DATA, SMTP_PORT);
  }

  @Autowired Digests digests;
  @Autowired Postman postman;
  @Autowired ForYou forYou;

  private WebDriver browser;

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void cleanSlate() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    jdbcClient.sql("delete from digest_paper").update();
    jdbcClient.sql("delete from digest").update();
    jdbcClient.sql("delete from subscriber").update();
    jdbcClient.sql("delete from outbox").update();
    importText("for-you.jsonl", ForYouPapers.jsonLines());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** A browser signed in as a new reader, whose digest is on. */
  private void signedInBrowser(String email) {
    String session = signIn(email).cookies().split(";")[0].substring("pb_session=".length());
    browser = Chromium.open(1280, 900);
    browser.get(baseUrl() + "/signin");
    browser.manage().addCookie(new Cookie("pb_session", session));
  }

  private void saveFromItsPage(String paper) {
    browser.get(baseUrl() + "/papers/" + paper);
    browser.findElement(By.xpath("//button[text()='Save to library']")).click();
    Chromium.pageWait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[text()='Remove from library']")));
  }

  @Test
  void aReaderWhoSavedTwoPapersSeesForYouWithReasonsAndADigestThatStartsWithIt() throws Exception {
    signedInBrowser("reader@example.org");
    saveFromItsPage(ForYouPapers.SAVED_1);
    saveFromItsPage(ForYouPapers.SAVED_2);

    browser.get(baseUrl() + "/");
    browser.findElement(By.linkText("For you")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("/for-you"));
    List<WebElement> items = browser.findElements(By.cssSelector(".recommended"));
    assertThat(items).hasSizeGreaterThanOrEqualTo(2);
    for (WebElement item : items.subList(0, 2)) {
      assertThat(item.findElement(By.cssSelector(".because")).getText())
          .startsWith("because you saved")
          .containsAnyOf("Protein Structure Prediction", "Learning Protein Folding");
      assertThat(item.findElement(By.cssSelector(".because a")).getAttribute("href"))
          .containsAnyOf(ForYouPapers.SAVED_1, ForYouPapers.SAVED_2);
      assertThat(item.findElement(By.cssSelector(".card h2")).getText()).contains("Protein");
    }
    assertThat(Chromium.overflow(browser)).isZero();

    assertThat(digests.runNow().queued()).isEqualTo(1);
    postman.sendDue();
    String html = digestHtml();
    assertThat(html).contains(">For you<", "because you saved");
    assertThat(html.indexOf(">For you<")).isLessThan(html.indexOf("All trending papers"));
    UUID reader = readerId("reader@example.org");
    List<String> recorded = recommended(reader);
    assertThat(recorded).containsAll(ForYouPapers.NEAR);
    // Tomorrow, neither the next digest nor the tab has any of them again.
    jdbcClient.sql("update recommendation set shown_at = shown_at - interval '1 day'").update();
    List<String> next =
        forYou.pick(reader, forYou.candidates(7), 5).stream()
            .map(r -> r.paper().id().toString())
            .toList();
    assertThat(next).doesNotContainAnyElementsOf(recorded);
  }

  /**
   * The whole path: a reader imports a BibTeX export, sees For you with reasons, dismisses
   * one paper for good, and 👍 a paper of the digest's For you section by the POST a mail client
   * sends to the link (the link itself, opened, only asks).
   */
  @Test
  void fromABibtexLibraryToForYouToAThumbFromTheMail() throws Exception {
    signedInBrowser("bibtex@example.org");
    Path bib = OWN_DATA.resolve("my-library.bib");
    java.nio.file.Files.writeString(
        bib,
        """
        @article{first,
          title = {Some Protein Paper, as My Reference Manager Spells It},
          eprint = {%s}, archivePrefix = {arXiv}
        }
        @misc{second,
          title = {Another One},
          url = {https://arxiv.org/abs/%sv2}
        }
        """
            .formatted(bare(ForYouPapers.SAVED_1), bare(ForYouPapers.SAVED_2)));
    browser.get(baseUrl() + "/library");
    browser.findElement(By.id("library-file")).sendKeys(bib.toString());
    browser.findElement(By.xpath("//form[@action='/library/import']//button")).click();
    Chromium.pageWait(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "added"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("2");

    browser.get(baseUrl() + "/for-you");
    List<WebElement> items = browser.findElements(By.cssSelector(".recommended"));
    assertThat(items).hasSizeGreaterThanOrEqualTo(2);
    assertThat(items.get(0).findElement(By.cssSelector(".because")).getText())
        .startsWith("because you");
    List<String> shown = recommendedOnPage();
    assertThat(shown.subList(0, 2)).containsExactlyInAnyOrderElementsOf(ForYouPapers.NEAR);

    String dismissed = shown.get(0);
    items.get(0).findElement(By.xpath(".//button[text()='Not interested']")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.stalenessOf(items.get(0)));
    browser.get(baseUrl() + "/for-you");
    assertThat(recommendedOnPage()).doesNotContain(dismissed).isNotEmpty();

    assertThat(digests.runNow().queued()).isEqualTo(1);
    postman.sendDue();
    String html = digestHtml();
    String section = html.substring(html.indexOf(">For you<"), html.indexOf("All trending"));
    assertThat(section).doesNotContain(dismissed);
    java.util.regex.Matcher up =
        java.util.regex.Pattern.compile("href=\"([^\"]+)\"[^>]*>👍").matcher(section);
    assertThat(up.find()).as("a 👍 link in the For you section").isTrue();
    String link = up.group(1).replace("&amp;", "&");
    UUID reader = readerId("bibtex@example.org");

    browser.get(link);
    assertThat(browser.findElement(By.cssSelector("main form button")).getText())
        .contains("More like this");
    assertThat(feedback(reader))
        .as("opening the link records nothing")
        .containsExactly("not-interested");

    java.net.http.HttpResponse<String> posted =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isLessThan(400);
    assertThat(feedback(reader)).containsExactlyInAnyOrder("not-interested", "up");
  }

  private static String bare(String id) {
    return id.substring("arxiv:".length());
  }

  /** The ids of the papers the For you page lists, in order. */
  private List<String> recommendedOnPage() {
    return browser.findElements(By.cssSelector(".recommended .card h2 a")).stream()
        .map(a -> a.getAttribute("href"))
        .map(href -> href.substring(href.indexOf("/papers/") + "/papers/".length()))
        .toList();
  }

  private List<String> feedback(UUID reader) {
    return jdbcClient
        .sql("select signal from feedback where subscriber_id = ?")
        .param(reader)
        .query(String.class)
        .list();
  }

  @Test
  void aPapersPageTakesAndShowsTheReadersWordAndItsUndo() throws Exception {
    signedInBrowser("says-so@example.org");
    String paper = ForYouPapers.FAR.get(0);
    browser.get(baseUrl() + "/papers/" + paper);
    browser.findElement(By.xpath("//button[text()='👎 Less like this']")).click();
    Chromium.pageWait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[text()='👎 Less like this' and @aria-pressed='true']")));
    assertThat(browser.findElement(By.className("your-word")).getText()).contains("You said:");
    browser.findElement(By.xpath("//button[text()='Undo']")).click();
    Chromium.pageWait(browser)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//span[text()='For your recommendations:']")));
    assertThat(browser.findElements(By.xpath("//button[@aria-pressed='true']"))).isEmpty();
    assertThat(
            jdbcClient
                .sql("select count(*) from feedback where paper_id = ?")
                .param(paper)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDigestRecordsItsForYouPapersAndTheNextDayRepeatsNone() throws Exception {
    Reader reader = signIn("digest-only@example.org");
    for (String paper : List.of(ForYouPapers.SAVED_1, ForYouPapers.SAVED_2)) {
      postForm("/save", reader, "paper=" + paper + "&action=save");
    }
    assertThat(digests.runNow().queued()).isEqualTo(1);
    postman.sendDue();
    String html = digestHtml();
    String forYouSection = html.substring(html.indexOf(">For you<"), html.indexOf("All trending"));
    assertThat(
            java.util.Arrays.stream(SMTP.getReceivedMessages())
                .map(
                    m -> {
                      try {
                        return m.getSubject();
                      } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                      }
                    })
                .filter(s -> s.startsWith("Paperboy: ")))
        .singleElement()
        .asString()
        .startsWith("Paperboy: " + ForYouPapers.NEAR.size() + " for you, ");
    UUID id = readerId("digest-only@example.org");
    List<String> recorded = recommended(id);
    // only the papers related to the reader's saves: the other fields' papers do not pad it to 5
    assertThat(recorded).containsExactlyInAnyOrderElementsOf(ForYouPapers.NEAR);
    recorded.forEach(p -> assertThat(forYouSection).contains("/papers/" + p + "\""));

    jdbcClient.sql("update recommendation set shown_at = shown_at - interval '1 day'").update();
    List<String> tomorrow =
        forYou.pick(id, forYou.candidates(7), 5).stream()
            .map(r -> r.paper().id().toString())
            .toList();
    assertThat(tomorrow).as("nothing new of theirs is left").isEmpty();
  }

  @Test
  void theSettingTakesForYouOutOfTheDigest() throws Exception {
    signedInBrowser("no-for-you@example.org");
    saveFromItsPage(ForYouPapers.SAVED_1);
    saveFromItsPage(ForYouPapers.SAVED_2);
    assertThat(digests.preview("no-for-you@example.org").orElseThrow().html())
        .contains(">For you<");

    browser.get(baseUrl() + "/settings");
    WebElement box = browser.findElement(By.cssSelector("input[name='forYou']"));
    assertThat(box.isSelected()).isTrue();
    box.click();
    browser.findElement(By.cssSelector("form.for-you-setting button")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("saved"));
    assertThat(browser.findElement(By.cssSelector("input[name='forYou']")).isSelected()).isFalse();

    assertThat(digests.runNow().queued()).isEqualTo(1);
    postman.sendDue();
    String html = digestHtml();
    assertThat(html).contains("All trending papers").doesNotContain(">For you<");
  }

  /** The papers recommended to the reader so far. */
  private List<String> recommended(UUID reader) {
    return jdbcClient
        .sql("select paper_id from recommendation where subscriber_id = ?")
        .param(reader)
        .query(String.class)
        .list();
  }

  private UUID readerId(String email) {
    return jdbcClient
        .sql("select id from subscriber where email_key = lower(?)")
        .param(email)
        .query(UUID.class)
        .single();
  }

  /** The HTML of the one digest delivered (the confirmation letters are delivered too). */
  private static String digestHtml() throws Exception {
    List<MimeMessage> letters = new java.util.ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getSubject().startsWith("Paperboy: ")) {
        letters.add(m);
      }
    }
    assertThat(letters).hasSize(1);
    MimeMultipart parts = new MimeMultipart(letters.get(0).getDataHandler().getDataSource());
    return (String) parts.getBodyPart(1).getContent();
  }
}
