package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Digests;
import dev.paperboy.support.Chromium;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's screenshots, taken in Debian's headless Chromium from a fixture catalog of its own
 * (fixtures/screenshots). They land in target/screenshots; with {@code -Dscreenshots.write=true}
 * also in docs/screenshots, so an ordinary test run never changes the work tree.
 */
class ScreenshotsIT extends PaperboyIntegrationTest {

  static final Path OWN_DATA = tempDir();
  static final int WIDTH = 1280;
  static final int MIN_HEIGHT = 900;
  static final int MAX_HEIGHT = 1600;
  // The fixtures are written as if today were this day; every date in them moves by the same
  // number of days, so the papers stay in the trending windows whenever the test runs.
  static final LocalDate FIXTURE_TODAY = LocalDate.parse("2026-11-27");
  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  // A catalog of its own: the shared one holds other tests' odd papers.
  @DynamicPropertySource
  static void ownData(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
  }

  @Autowired OperatorLinks operatorLinks;
  @Autowired Digests digests;

  private ChromeDriver browser;
  private org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait;

  @BeforeEach
  void openBrowser() throws IOException {
    importShifted("papers.jsonl");
    importShifted("hf-daily.json");
    browser = Chromium.open(WIDTH, MIN_HEIGHT, "--hide-scrollbars");
    wait = Chromium.pageWait(browser);
    // The local mail page, where the digest letter is read, is the operator's.
    browser.get(baseUrl() + "/operator/signin?code=" + operatorLinks.issue());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theReadmeScreenshotsShowTheFixtureCatalog() throws IOException {
    browser.get(baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Consistency Distillation for One-Step");
    shoot("home");

    browser.get(baseUrl() + "/search?q=diffusion");
    assertThat(browser.findElements(By.cssSelector("mark"))).isNotEmpty();
    shoot("search");

    browser.get(baseUrl() + "/papers/arxiv:2611.21804");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract .katex")));
    shoot("paper");

    openDigestLetter("reader@example.org");
    assertThat(browser.findElement(By.cssSelector(".mail-text")).getText())
        .contains("Consistency Distillation for One-Step");
    showHtmlPartAlone();
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Consistency Distillation for One-Step");
    shoot("digest");
  }

  /** Subscribes by the API, confirms from the local mail page, runs the digest and opens it. */
  private void openDigestLetter(String email) {
    String body =
        JSON.writeValueAsString(
            Map.of("email", email, "topics", java.util.List.of("diffusion", "cat:cs.CL")));
    int status =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build())
            .statusCode();
    assertThat(status).isBetween(200, 299);
    browser.get(baseUrl() + "/mail");
    browser.findElement(By.linkText("Confirm your Paperboy subscription")).click();
    String confirm =
        browser
            .findElement(By.cssSelector(".mail-text"))
            .getText()
            .lines()
            .filter(l -> l.contains("/confirm?token="))
            .findFirst()
            .orElseThrow()
            .strip();
    browser.get(confirm.replace("http://localhost:", "http://127.0.0.1:"));
    browser.findElement(By.cssSelector(".action-form button")).click();
    // The confirmation is a form post: the digest may only run once it has been answered.
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("/settings"));
    var run = digests.runNow();
    assertThat(run.queued()).as(run.toString()).isEqualTo(1);
    browser.get(baseUrl() + "/mail");
    browser
        .findElement(
            By.xpath("//tr[td[text()='" + email + "']]//a[contains(text(), 'trending paper')]"))
        .click();
  }

  /**
   * The letter's HTML part as a mail client shows it: the mail page frames it at a fixed height,
   * which would cut the letter short.
   */
  private void showHtmlPartAlone() {
    String html = browser.findElement(By.cssSelector(".mail-html")).getAttribute("srcdoc");
    browser.get(
        "data:text/html;charset=utf-8;base64,"
            + java.util.Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fixture with every date moved so that the fixtures' "today" is today. */
  private void importShifted(String name) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/screenshots/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long days = ChronoUnit.DAYS.between(FIXTURE_TODAY, LocalDate.now(ZoneOffset.UTC));
    Matcher dates = DATE.matcher(text);
    String shifted = dates.replaceAll(m -> LocalDate.parse(m.group()).plusDays(days).toString());
    assertThat(importText(name, shifted).rejected()).isZero();
  }

  /** The page at 1280 px wide, as tall as its content between 900 and 1600 px. */
  private void shoot(String name) throws IOException {
    // The page is measured in the smallest window: scrollHeight is never less than the window.
    resize(MIN_HEIGHT);
    Number content =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
    int height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, content.intValue()));
    resize(height);
    browser.executeScript("window.scrollTo(0, 0)");
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    assertLooksLikeAPage(png, height);
    write(Path.of("target", "screenshots"), name, png);
    if (Boolean.getBoolean("screenshots.write")) {
      write(Path.of("docs", "screenshots"), name, png);
    }
  }

  private void resize(int height) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  private static void assertLooksLikeAPage(byte[] png, int height) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(height);
    // A blank or failed render has a handful of colours; text with anti-aliasing has hundreds.
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).hasSizeGreaterThan(64);
  }

  private static void write(Path dir, String name, byte[] png) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
