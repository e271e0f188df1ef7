package dev.paperboy.trending;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, in the spirit of Hacker News' gravity: {@code (1 + votes) / (hours + 2)^1.5}.
 * Votes count imported upvotes (e.g. Hugging Face) where a source gives them; without any, the
 * score falls with age alone, so recency decides. A paper with 50 votes yesterday outranks one with
 * 60 votes last month; a brand-new paper with a few fast votes can rise to the top.
 */
public final class TrendingScore {

  static final double GRAVITY = 1.5;

  private TrendingScore() {}

  public static double of(long votes, Instant seen, Instant now) {
    double hours = Math.max(0, Duration.between(seen, now).toMinutes() / 60.0);
    return (1 + Math.max(0, votes)) / Math.pow(hours + 2, GRAVITY);
  }
}
