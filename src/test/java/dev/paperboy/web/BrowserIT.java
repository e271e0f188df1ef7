package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Chromium;
import dev.paperboy.support.SharedApplicationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader in Debian's headless Chromium: home, search, paper page with rendered math. */
class BrowserIT extends SharedApplicationTest {

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    importFixture("arxiv-api.atom");
    browser = Chromium.open(1200, 900);
    // The local mail page is the operator's: this browser signs in as the operator would.
    browser.get(baseUrl() + "/operator/signin?code=" + operatorLinks.issue());
  }

  @Autowired OperatorLinks operatorLinks;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Autowired dev.paperboy.digest.Digests digests;

  @Test
  void aReaderSubscribesThroughTheFormAndConfirmsFromTheLocalMailPage() {
    importText(
        "today.jsonl",
        "{\"id\": \"2611.50001\", \"title\": \"Token Routing Fresh"
            + " Today\", \"abstract\": \"Routing tokens to experts.\", \"published\": \""
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            + "\"}\n");
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/");
    browser.findElement(By.id("subscribe-email")).sendKeys("browser@example.org");
    browser.findElement(By.id("subscribe-topics")).sendKeys("routing");
    browser.findElement(By.cssSelector(".subscribe-form button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Almost there"));

    browser.get(baseUrl() + "/mail");
    browser.findElement(By.linkText("Confirm your Paperboy subscription")).click();
    String text = browser.findElement(By.cssSelector(".mail-text")).getText();
    String confirm =
        text.lines().filter(l -> l.contains("/confirm?token=")).findFirst().orElseThrow().strip();
    browser.get(confirm);
    browser.findElement(By.cssSelector(".action-form button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You are subscribed"));
    assertThat(browser.findElement(By.id("topics")).getAttribute("value")).contains("routing");
    assertThat(browser.findElement(By.id("zone")).getAttribute("value")).isNotBlank();

    assertThat(digests.runNow().queued()).isGreaterThanOrEqualTo(1);
    browser.get(baseUrl() + "/mail");
    browser
        .findElement(
            By.xpath(
                "//tr[td[text()='browser@example.org']]"
                    + "//a[contains(text(), 'trending paper')]"))
        .click();
    String digest = browser.findElement(By.cssSelector(".mail-text")).getText();
    assertThat(digest).contains("Token Routing Fresh Today");
    String unsubscribe =
        digest
            .lines()
            .filter(l -> l.startsWith("Unsubscribe: "))
            .findFirst()
            .orElseThrow()
            .substring("Unsubscribe: ".length())
            .strip();
    browser.get(unsubscribe);
    browser.findElement(By.cssSelector(".action-form button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("h1"), "You are unsubscribed"));
  }

  @Test
  void aReaderSignsInByTheEmailedLinkUpvotesAndSeesTheTrendingListReorder() {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    importText(
        "order.jsonl",
        String.format(
            "{\"id\": \"2611.31001\", \"title\":"
                + " \"Ordering Alpha\", \"published\": \"%s\"}%n{\"id\": \"2611.31002\", \"title\":"
                + " \"Ordering Beta\", \"published\": \"%s\"}%n",
            today, today));
    signIn("upvoter@example.org");
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/signin");
    browser.findElement(By.id("signin-email")).sendKeys("upvoter@example.org", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
    useMailedSignInLink("upvoter@example.org");
    assertThat(positionOnHome("Ordering Alpha")).isLessThan(positionOnHome("Ordering Beta"));
    browser.get(baseUrl() + "/papers/arxiv:2611.31002");
    browser.findElement(By.cssSelector("button.vote")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".votes"), "1 vote"));
    assertThat(positionOnHome("Ordering Beta")).isLessThan(positionOnHome("Ordering Alpha"));
  }

  @Test
  void aReaderBrowsesFromTrendingToYesterdaysListByThePreviousLink() {
    java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    importText(
        "yesterday.jsonl",
        String.format(
            "{\"id\": \"2611.32001\", \"title\": \"Voted Yesterday\", \"published\":"
                + " \"%s\"}%n",
            yesterday.minusDays(40)));
    postForm("/vote", signIn("yesterday@example.org"), "paper=arxiv:2611.32001&action=up");
    jdbcClient
        .sql("update vote set created_at = ? where paper_id = 'arxiv:2611.32001'")
        .param(java.sql.Timestamp.from(yesterday.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC)))
        .update();
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/trending");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trending papers");
    browser.findElement(By.cssSelector("a[rel=prev]")).click();
    wait.until(ExpectedConditions.urlToBe(baseUrl() + "/trending/" + yesterday));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .contains(String.valueOf(yesterday.getDayOfMonth()))
        .contains(String.valueOf(yesterday.getYear()));
    assertThat(browser.findElements(By.cssSelector(".paper-item h2")))
        .extracting(e -> e.getText())
        .contains("Voted Yesterday");
    browser.findElement(By.cssSelector("a[rel=next]")).click();
    wait.until(ExpectedConditions.urlToBe(baseUrl() + "/trending"));
  }

  private int positionOnHome(String title) {
    browser.get(baseUrl() + "/?window=day");
    List<String> titles =
        browser.findElements(By.cssSelector(".paper-item h2")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(titles).contains(title);
    return titles.indexOf(title);
  }

  @Test
  void aReaderWhoNeverSubscribedSignsInFromTheHeaderSavesAndSwitchesTheDigest() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/");
    assertThat(accountLinks()).containsExactly("Sign in");
    browser.findElement(By.cssSelector(".account-nav")).findElement(By.linkText("Sign in")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sign in"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("No newsletter");
    browser.findElement(By.id("signin-email")).sendKeys("header@example.org", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
    // This browser is the operator's, and no SMTP server is configured: the hint leads to the mail.
    browser.findElement(By.cssSelector(".operator-hint a")).click();
    wait.until(ExpectedConditions.urlContains("/mail"));
    useMailedSignInLink("header@example.org");
    assertThat(accountLinks()).containsExactly("Library", "Settings", "Sign out");

    browser.get(baseUrl() + "/papers/arxiv:2410.21271");
    browser.findElement(By.cssSelector("form[action='/save'] button")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("form[action='/save'] input[value='unsave']")));
    switchDigest("true");
    switchDigest("false");
    browser.findElement(By.cssSelector(".account-nav")).findElement(By.linkText("Library")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your library"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sparse Mixture");
    browser
        .findElement(By.cssSelector(".account-nav"))
        .findElement(By.linkText("Settings"))
        .click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Settings"));
    browser.findElement(By.cssSelector(".account-nav button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You are signed out"));
    assertThat(accountLinks()).containsExactly("Sign in");
  }

  /** Uses the newest sign-in link mailed to this address, from the local mail page. */
  private void useMailedSignInLink(String email) {
    browser.get(baseUrl() + "/mail");
    browser
        .findElement(
            By.xpath("//tr[td[text()='" + email + "']]//a[contains(text(), 'sign-in link')]"))
        .click();
    String link =
        browser
            .findElement(By.cssSelector(".mail-text"))
            .getText()
            .lines()
            .filter(l -> l.contains("/session?token="))
            .findFirst()
            .orElseThrow()
            .strip();
    // Mail links name the site as localhost; stay on one host so the session cookie applies.
    browser.get(link.replace("http://localhost:", "http://127.0.0.1:"));
    browser.findElement(By.cssSelector(".action-form button")).click();
    Chromium.pageWait(browser)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Settings"));
  }

  private List<String> accountLinks() {
    return browser.findElements(By.cssSelector(".account-nav a, .account-nav button")).stream()
        .map(e -> e.getText())
        .toList();
  }

  private void switchDigest(String on) {
    browser.get(baseUrl() + "/settings");
    browser.findElement(By.cssSelector("input[name='digest'][value='" + on + "']")).click();
    browser.findElement(By.cssSelector("form.settings button[type='submit']")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("saved"));
    assertThat(
            browser
                .findElement(By.cssSelector("input[name='digest'][value='" + on + "']"))
                .isSelected())
        .isTrue();
  }

  @Test
  void aReaderSearchesFromHomeAndReadsAPaperWithRenderedMath() {
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trending papers");

    browser.findElement(By.id("q")).sendKeys("gating", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/search"));
    assertThat(browser.findElements(By.cssSelector(".abstract mark")))
        .extracting(e -> e.getText())
        .contains("gating");

    browser.findElement(By.cssSelector(".paper-item h2 a")).click();
    wait.until(ExpectedConditions.urlContains("/papers/arxiv:2410.21271"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#abstract .katex")));
    assertThat(browser.findElement(By.cssSelector("#abstract")).getText())
        .contains("We study routing in sparse mixture-of-experts transformers");
    assertThat(browser.findElements(By.cssSelector("h1 .katex"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".katex-error"))).isEmpty();
  }

  @Test
  void hostileLatexInAnAbstractIsCappedAndThePageStaysUsable() {
    // 255 macro expansions: under KaTeX's default limit (1000), over ours (100).
    String doubling =
        "\\def\\za{x}\\def\\zb{\\za\\za}\\def\\zc{\\zb\\zb}\\def\\zd{\\zc\\zc}"
            + "\\def\\ze{\\zd\\zd}\\def\\zf{\\ze\\ze}\\def\\zg{\\zf\\zf}"
            + "\\def\\zh{\\zg\\zg}\\zh";
    String abstractText =
        "A wide box $\\rule{400em}{0.5em}$, a doubling $"
            + doubling
            + "$ and a bomb $\\def\\x{\\x\\x}\\x$.";
    importText(
        "hostile-latex.jsonl",
        JSON.writeValueAsString(
                java.util.Map.of(
                    "id", "2611.50099", "title", "Hostile LaTeX", "abstract", abstractText))
            + "\n");
    FluentWait<WebDriver> wait = Chromium.pageWait(browser);
    browser.get(baseUrl() + "/papers/arxiv:2611.50099");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#abstract .katex")));

    List<org.openqa.selenium.WebElement> formulas =
        browser.findElements(By.cssSelector("#abstract .katex, #abstract .katex-error"));
    assertThat(formulas).hasSize(3);
    // maxSize: the rule is drawn at most 10em wide, not 400em (6,400 px and more).
    assertThat(formulas.get(0).getSize().getWidth()).isLessThan(400);
    // maxExpand: both expansions stop with KaTeX's error, shown as the source text.
    assertThat(formulas.subList(1, 3))
        .allSatisfy(
            f -> {
              assertThat(f.getAttribute("class")).contains("katex-error");
              assertThat(f.getAttribute("title")).contains("Too many expansions");
            });
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Hostile LaTeX");
  }
}
