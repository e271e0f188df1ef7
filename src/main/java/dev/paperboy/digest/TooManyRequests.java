package dev.paperboy.digest;

import java.time.Duration;

/** Too many mails asked for, from one client or to one address; try again later. */
public final class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequests(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until the limit lets the next request through, for {@code Retry-After}. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L);
  }
}
