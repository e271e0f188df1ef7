package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its chromedriver, with a page area of a given size. */
public final class Chromium {

  private Chromium() {}

  /** A browser whose page is {@code width} × {@code height} CSS pixels, with more switches. */
  public static ChromeDriver open(int width, int height, String... moreArguments) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of("/usr/bin/chromium").toFile());
    try {
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
          "--force-device-scale-factor=1",
          "--window-size=" + width + "," + height,
          "--user-data-dir=" + Files.createTempDirectory("chromium-"));
      options.addArguments(moreArguments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    // The window may keep some pixels for itself: grow it until the page has the size asked for.
    long innerWidth = (Long) ((JavascriptExecutor) browser).executeScript("return innerWidth");
    long innerHeight = (Long) ((JavascriptExecutor) browser).executeScript("return innerHeight");
    if (innerWidth != width || innerHeight != height) {
      Dimension outer = browser.manage().window().getSize();
      browser
          .manage()
          .window()
          .setSize(
              new Dimension(
                  outer.getWidth() + width - (int) innerWidth,
                  outer.getHeight() + height - (int) innerHeight));
    }
    return browser;
  }

  /** How many CSS pixels the page is wider than the window: 0 when nothing overflows. */
  public static long overflow(WebDriver browser) {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript("return Math.max(0, document.documentElement.scrollWidth - innerWidth)");
  }

  /**
   * Waits up to 15 s for a page, looking again when the element it read was replaced by the next
   * page: Chromium 156 reports that as "Node with given id does not belong to the document", not as
   * a stale element, and a plain wait would stop at it (BrowserIT failed so once).
   */
  public static org.openqa.selenium.support.ui.FluentWait<WebDriver> pageWait(WebDriver browser) {
    return new org.openqa.selenium.support.ui.WebDriverWait(
            browser, java.time.Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class);
  }
}
