package dev.paperboy.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance's index follows the catalog ({@code paperboy.index.*}).
 *
 * @param maxLag past this lag behind the catalog the instance reports itself not ready
 */
@ConfigurationProperties("paperboy.index")
record IndexSettings(Duration maxLag) {

  IndexSettings {
    maxLag = maxLag == null ? Duration.ofSeconds(60) : maxLag;
  }
}
