package dev.paperboy.trending;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, in the spirit of Hacker News' gravity:
 *
 * <pre>(1 + votes + upvotes + min(1, log10(1 + views) / 3)) / (hours since publication + 2)^1.5
 * </pre>
 *
 * Votes are our readers' (weighted: new accounts count less), upvotes are imported (Hugging Face),
 * views are page views; each counted only inside the window asked for. Views are the one signal
 * that costs nothing to give, so they are damped and bounded: 9 views are worth a third of a vote,
 * 99 two thirds, and 999 or more exactly one vote, never more. However many views a paper gathers,
 * one real vote at least ties it and two beat it. Without any signal the score falls with age
 * alone, so recency decides. A paper with 50 votes yesterday outranks one with 60 votes last month;
 * a brand-new paper with a few fast votes can rise. The digest and the trending pages both use
 * this, and only this.
 */
public final class TrendingScore {

  static final double GRAVITY = 1.5;

  /** The most that views can add, in votes. */
  static final double MAX_VIEW_POINTS = 1;

  /** Each tenfold of views adds a third of a vote, up to the cap at 999 views. */
  static final double VIEW_DECADES_PER_VOTE = 3;

  private TrendingScore() {}

  public static double of(double votes, long upvotes, long views, Instant seen, Instant now) {
    double hours = Math.max(0, Duration.between(seen, now).toMinutes() / 60.0);
    double points = Math.max(0, votes) + Math.max(0, upvotes) + viewPoints(views);
    return (1 + points) / Math.pow(hours + 2, GRAVITY);
  }

  /** What views add to a paper's points: log-damped, at most {@link #MAX_VIEW_POINTS}. */
  static double viewPoints(long views) {
    return Math.min(
        MAX_VIEW_POINTS, Math.log10(1 + (double) Math.max(0, views)) / VIEW_DECADES_PER_VOTE);
  }
}
