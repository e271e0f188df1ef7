package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Chromium;
import dev.paperboy.support.SharedApplicationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The local mail page and the search filters at a phone's size (390×844) and a desktop's
 * (1280×900): nothing overflows sideways, the filters share a row or stack, and a bad date comes
 * back beside its field with the typing kept.
 */
class FormsAndMailBrowserIT extends SharedApplicationTest {

  private static final int PHONE_WIDTH = 390;
  private static final Pattern CONFIRM = Pattern.compile("/confirm\\?token=(\\S+)");

  @Autowired OperatorLinks operatorLinks;

  private WebDriver browser;

  @BeforeEach
  void catalog() {
    importFixture("arxiv-api.atom");
    // A paper of this week, so the search page draws its weekly chart.
    importText(
        "this-week.jsonl",
        "{\"id\": \"2611.70001\", \"title\": \"Expert Routing This Week\", \"abstract\":"
            + " \"Routing tokens to experts, again.\", \"categories\": [\"cs.CL\"],"
            + " \"published\": \""
            + LocalDate.now(ZoneOffset.UTC)
            + "\"}\n");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** A browser of this size, signed in as the operator, who alone may read the local mail. */
  private void open(int width, int height) {
    browser = Chromium.open(width, height);
    browser.get(baseUrl() + "/operator/signin?code=" + operatorLinks.issue());
  }

  @Test
  void aLetterWithA300CharacterLinkFitsAPhone() {
    String url = "https://example.org/" + "a1b2c3d4e5".repeat(28);
    assertThat(url).hasSize(300);
    jdbcClient
        .sql(
            "insert into outbox (message_id, recipient, kind, subject, text_body, html_body,"
                + " unsubscribe_url) values ('<long-link@paperboy>', 'long@example.org',"
                + " 'digest', ?, ?, ?, ?)")
        .params(
            "Read " + url,
            "Read it here:\n" + url + "\n",
            "<!DOCTYPE html><html><body><p>" + url + "</p></body></html>",
            url)
        .update();
    // And a real confirmation letter, whose HTML shows its link as text too.
    subscriptions.subscribe("narrow@example.org", List.of(), "UTC", "forms-and-mail-it");
    open(PHONE_WIDTH, 844);

    browser.get(baseUrl() + "/mail");
    assertThat(Chromium.overflow(browser)).isZero();
    browser.findElement(By.partialLinkText("Read https://example.org/")).click();
    assertThat(browser.findElement(By.cssSelector(".mail-text")).getText()).contains(url);
    assertThat(Chromium.overflow(browser)).isZero();

    browser.get(baseUrl() + "/mail");
    browser.findElement(By.linkText("Confirm your Paperboy subscription")).click();
    Matcher token = CONFIRM.matcher(browser.findElement(By.cssSelector(".mail-text")).getText());
    assertThat(token.find()).isTrue();
    assertThat(Chromium.overflow(browser)).isZero();
    browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.mail-html")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(token.group(1));
    // Inside the letter, too, the link wraps rather than widening it.
    assertThat(Chromium.overflow(browser)).isZero();
  }

  @Test
  void theSearchPageFitsAPhoneAndItsFiltersStack() {
    open(PHONE_WIDTH, 844);
    browser.get(baseUrl() + "/search?q=routing");
    WebElement chart = browser.findElement(By.cssSelector(".chart svg"));
    assertThat(chart.getRect().getX() + chart.getRect().getWidth()).isLessThanOrEqualTo(390);
    assertThat(Chromium.overflow(browser)).isZero();
    int cat = top("#cat");
    int from = top("#from");
    int to = top("#to");
    assertThat(cat).isGreaterThan(top("#mode"));
    assertThat(from).isGreaterThan(cat);
    assertThat(to).isGreaterThan(from);
  }

  @Test
  void theSearchFiltersShareOneRowOnADesktop() {
    open(1280, 900);
    browser.get(baseUrl() + "/search?q=routing");
    List<Rectangle> filters =
        browser.findElements(By.cssSelector("#mode, #cat, #from, #to, .filters button")).stream()
            .map(WebElement::getRect)
            .toList();
    assertThat(filters).hasSize(5);
    int lowestTop = filters.stream().mapToInt(Rectangle::getY).max().orElseThrow();
    int highestBottom =
        filters.stream().mapToInt(r -> r.getY() + r.getHeight()).min().orElseThrow();
    // One row: every filter's box spans one common horizontal line.
    assertThat(lowestTop).isLessThan(highestBottom);
    assertThat(Chromium.overflow(browser)).isZero();
  }

  @Test
  void aBadDateIsShownBesideItsFieldWithEverythingTypedKept() {
    open(PHONE_WIDTH, 844);
    browser.get(
        baseUrl() + "/search?q=routing&mode=keyword&cat=cs.CL&from=2024-02-30&to=2026-12-31");
    WebElement problem = browser.findElement(By.id("from-problem"));
    assertThat(problem.getText()).contains("2024-02-30", "not a date");
    WebElement from = browser.findElement(By.id("from"));
    assertThat(from.getAttribute("value")).isEqualTo("2024-02-30");
    assertThat(from.getAttribute("aria-describedby")).isEqualTo("from-problem");
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return arguments[0].parentElement === arguments[1].parentElement",
                        problem,
                        from))
        .isTrue();
    assertThat(browser.findElement(By.id("cat")).getAttribute("value")).isEqualTo("cs.CL");
    assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo("2026-12-31");
    assertThat(browser.findElement(By.id("mode")).getAttribute("value")).isEqualTo("keyword");
    // No search ran on a date that is not one.
    assertThat(browser.findElements(By.cssSelector(".count"))).isEmpty();
    assertThat(Chromium.overflow(browser)).isZero();

    // The reader corrects the date, and the search runs with the other filters as they were.
    from.clear();
    from.sendKeys("2024-02-29");
    browser.findElement(By.cssSelector(".filters button")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("from=2024-02-29"));
    assertThat(browser.getCurrentUrl()).contains("cat=cs.CL", "mode=keyword", "from=2024-02-29");
    assertThat(browser.findElements(By.id("from-problem"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector(".count")).getText()).contains("paper");
  }

  private int top(String css) {
    return browser.findElement(By.cssSelector(css)).getRect().getY();
  }
}
