package dev.paperboy.trending;

import java.time.Duration;
import java.util.Locale;

/** The trending tabs: today, this week, this month. */
public enum Window {
  DAY(Duration.ofDays(1)),
  WEEK(Duration.ofDays(7)),
  MONTH(Duration.ofDays(30));

  private final Duration length;

  Window(Duration length) {
    this.length = length;
  }

  public Duration length() {
    return length;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code day|week|month}; empty for anything else. */
  public static java.util.Optional<Window> parse(String text) {
    for (Window w : values()) {
      if (w.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return java.util.Optional.of(w);
      }
    }
    return java.util.Optional.empty();
  }
}
