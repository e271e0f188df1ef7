package dev.paperboy.trending;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, in the spirit of Hacker News' gravity:
 *
 * <pre>(1 + votes + upvotes + views / 10) / (hours since publication + 2)^1.5</pre>
 *
 * Votes are our readers' (weighted: new accounts count less), upvotes are imported (Hugging Face),
 * views are page views; each counted only inside the window asked for. Without any signal the score
 * falls with age alone, so recency decides. A paper with 50 votes yesterday outranks one with 60
 * votes last month; a brand-new paper with a few fast votes can rise. The digest and the trending
 * pages both use this, and only this.
 */
public final class TrendingScore {

  static final double GRAVITY = 1.5;
  static final double VIEW_WEIGHT = 0.1;

  private TrendingScore() {}

  public static double of(double votes, long upvotes, long views, Instant seen, Instant now) {
    double hours = Math.max(0, Duration.between(seen, now).toMinutes() / 60.0);
    double points = Math.max(0, votes) + Math.max(0, upvotes) + VIEW_WEIGHT * Math.max(0, views);
    return (1 + points) / Math.pow(hours + 2, GRAVITY);
  }
}
