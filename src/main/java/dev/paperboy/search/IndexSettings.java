package dev.paperboy.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance's index follows the catalog ({@code paperboy.index.*}).
 *
 * @param maxLag past this lag behind the catalog the instance reports itself not ready; zero (the
 *     default): never, once the first catch-up after start has ended
 * @param follow false in a process that keeps no index of its own: a command on an external
 *     database, whose catalog every instance's index follows by itself
 */
@ConfigurationProperties("paperboy.index")
record IndexSettings(Duration maxLag, Boolean follow) {

  IndexSettings {
    maxLag = maxLag == null ? Duration.ZERO : maxLag;
    follow = follow == null || follow;
  }
}
