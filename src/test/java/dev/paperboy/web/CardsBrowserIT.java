package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A page of 20 compact cards in headless Chromium, on a catalog of exactly the 20 papers of {@code
 * cards.jsonl}: the page height stays within budget on a laptop and a phone, nothing overflows
 * sideways on the phone, and the 533-author paper's page shows its authors folded.
 */
class CardsBrowserIT extends CardCatalogTest {

  /**
   * The height budgets of the newest-papers page with 20 cards, header and footer included. Hugging
   * Face Papers uses about 3,500 to 4,000 px for 20 papers at 1280 px; ours measured 3,280 px there
   * and 4,522 px at 390 px (README, "Compact cards"), and the budgets leave about 15% for fonts
   * other than Debian's.
   */
  static final int LAPTOP_BUDGET = 3_800;

  static final int PHONE_BUDGET = 5_200;

  private WebDriver browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void twentyCardsFitTheLaptopBudget() {
    browser = Chromium.open(1280, 900);
    long height = homeHeight();
    System.out.printf("20 cards at 1280x900: %d px (budget %d)%n", height, LAPTOP_BUDGET);
    assertThat(height).isLessThanOrEqualTo(LAPTOP_BUDGET);
  }

  @Test
  void twentyCardsFitThePhoneBudgetWithoutOverflowingSideways() {
    browser = Chromium.open(390, 844);
    assertThat(script("return window.innerWidth")).isEqualTo(390L);
    long height = homeHeight();
    System.out.printf("20 cards at 390x844: %d px (budget %d)%n", height, PHONE_BUDGET);
    assertThat(height).isLessThanOrEqualTo(PHONE_BUDGET);
    assertThat(script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
    browser.get(baseUrl() + "/papers/arxiv:2411.70001");
    waitForMath();
    assertThat(script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/trending",
        "/trending/week",
        "/trending/month",
        "/?window=new",
        "/search?q=diffusion",
        "/search?q=diffusion&mode=semantic",
        "/papers/arxiv:2411.70001",
        "/signin",
        "/library",
        "/settings",
        "/nothing-here"
      })
  void noPublicPageOverflowsSidewaysOnAPhone(String path) {
    browser = Chromium.open(390, 844);
    browser.get(baseUrl() + path);
    assertThat(Chromium.overflow(browser)).as(path).isZero();
  }

  @Test
  void anAbstractOpensWithoutScriptAndTheLongAuthorListIsOneClickAway() {
    browser = Chromium.open(1280, 900);
    browser.get(baseUrl() + "/?window=new");
    waitForMath();
    WebElement first = browser.findElements(By.cssSelector("article.card")).get(0);
    WebElement fold = first.findElement(By.cssSelector("details.fold"));
    int clamped = fold.getSize().getHeight();
    fold.findElement(By.tagName("summary")).click();
    assertThat(fold.getAttribute("open")).isNotNull();
    assertThat(fold.getSize().getHeight()).isGreaterThan(clamped * 3);

    first.findElement(By.cssSelector("a.more-authors")).click();
    Chromium.pageWait(browser).until(ExpectedConditions.urlContains("/papers/arxiv:2411.70001"));
    assertThat(
            browser.findElements(By.cssSelector("#authors li")).stream()
                .filter(WebElement::isDisplayed)
                .count())
        .isEqualTo(10);
    browser.findElement(By.cssSelector("#authors details summary")).click();
    assertThat(
            browser.findElements(By.cssSelector("#authors li")).stream()
                .filter(WebElement::isDisplayed)
                .count())
        .isEqualTo(533);
  }

  private long homeHeight() {
    browser.get(baseUrl() + "/?window=new");
    waitForMath();
    assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(20);
    assertThat(browser.findElement(By.cssSelector("article.card .authors")).getText())
        .endsWith("et al. (+530 more)");
    return script("return document.body.scrollHeight");
  }

  private void waitForMath() {
    Chromium.pageWait(browser)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .katex, h2 .katex")));
  }

  private long script(String js) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(js)).longValue();
  }
}
