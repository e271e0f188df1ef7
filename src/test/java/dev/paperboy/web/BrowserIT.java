package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in Debian's headless Chromium: home, search, paper page with rendered math. */
class BrowserIT extends SharedApplicationTest {

  private WebDriver browser;

  @BeforeEach
  void openBrowser() throws Exception {
    importFixture("arxiv-api.atom");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of("/usr/bin/chromium").toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--user-data-dir=" + Files.createTempDirectory("chromium-"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReaderSearchesFromHomeAndReadsAPaperWithRenderedMath() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(baseUrl() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Newest papers");

    browser.findElement(By.id("q")).sendKeys("gating", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/search"));
    assertThat(browser.findElements(By.cssSelector(".abstract mark")))
        .extracting(e -> e.getText())
        .contains("gating");

    browser.findElement(By.cssSelector(".paper-item h2 a")).click();
    wait.until(ExpectedConditions.urlContains("/papers/arxiv:2410.21271"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract .katex")));
    assertThat(browser.findElement(By.cssSelector(".abstract")).getText())
        .contains("We study routing in sparse mixture-of-experts transformers");
    assertThat(browser.findElements(By.cssSelector("h1 .katex"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".katex-error"))).isEmpty();
  }
}
