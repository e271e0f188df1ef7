package dev.paperboy.trending;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Readers' signals: votes (one per person, undoable, rate-limited, damped for accounts younger than
 * a day), saved papers, and page views counted without storing who viewed.
 */
@Service
public class Signals {

  static final Duration YOUNG = Duration.ofDays(1);
  static final double YOUNG_WEIGHT = 0.25;
  private static final Pattern BOT =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|curl|wget|python|java/|httpclient|go-http|libwww|headless");
  private static final int REMEMBERED_VIEWS = 100_000;

  /** Too many votes too fast, from one account or one client. */
  public static final class TooFast extends RuntimeException {
    TooFast() {
      super("too many votes in a short time; wait a minute");
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RateLimiterRegistry limits =
      RateLimiterRegistry.of(
          RateLimiterConfig.custom()
              .limitForPeriod(30)
              .limitRefreshPeriod(Duration.ofMinutes(1))
              .timeoutDuration(Duration.ZERO)
              .build());
  // Hashes of (client, paper, day) seen lately: enough to ignore reloads, nothing to identify.
  private final Set<String> viewed =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_VIEWS;
                }
              }));

  Signals(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Upvotes a paper; a second vote by the same person (a double click) changes nothing. */
  public void vote(UUID subscriber, String paperId, String client) {
    limit(subscriber, client);
    jdbc.sql(
            "insert into vote (subscriber_id, paper_id, weight) select ?, ?, case when"
                + " confirmed_at is null or confirmed_at > now() - make_interval(secs => ?)"
                + " then ? else 1 end from subscriber where id = ? on conflict do nothing")
        .params(subscriber, paperId, YOUNG.toSeconds(), YOUNG_WEIGHT, subscriber)
        .update();
  }

  public void unvote(UUID subscriber, String paperId, String client) {
    limit(subscriber, client);
    jdbc.sql("delete from vote where subscriber_id = ? and paper_id = ?")
        .params(subscriber, paperId)
        .update();
  }

  public boolean voted(UUID subscriber, String paperId) {
    return jdbc.sql("select count(*) from vote where subscriber_id = ? and paper_id = ?")
            .params(subscriber, paperId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public long votes(String paperId) {
    return jdbc.sql("select count(*) from vote where paper_id = ?")
        .param(paperId)
        .query(Long.class)
        .single();
  }

  public void save(UUID subscriber, String paperId, boolean keep) {
    if (keep) {
      jdbc.sql(
              "insert into saved_paper (subscriber_id, paper_id) values (?, ?)"
                  + " on conflict do nothing")
          .params(subscriber, paperId)
          .update();
    } else {
      jdbc.sql("delete from saved_paper where subscriber_id = ? and paper_id = ?")
          .params(subscriber, paperId)
          .update();
    }
  }

  public boolean saved(UUID subscriber, String paperId) {
    return jdbc.sql("select count(*) from saved_paper where subscriber_id = ? and paper_id = ?")
            .params(subscriber, paperId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The ids in a reader's library, most recently saved first. */
  public java.util.List<String> library(UUID subscriber) {
    return jdbc.sql(
            "select paper_id from saved_paper where subscriber_id = ?"
                + " order by created_at desc, paper_id")
        .param(subscriber)
        .query(String.class)
        .list();
  }

  /** Counts a page view, unless it is a robot or the same client again today. */
  public void viewed(String paperId, String client, String userAgent) {
    if (userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find()) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (!viewed.add(hash(client + "|" + userAgent + "|" + paperId + "|" + today))) {
      return;
    }
    jdbc.sql(
            "insert into paper_view (paper_id, day, views) values (?, ?, 1) on conflict"
                + " (paper_id, day) do update set views = paper_view.views + 1")
        .params(paperId, today)
        .update();
  }

  private void limit(UUID subscriber, String client) {
    if (!limits.rateLimiter("account:" + subscriber).acquirePermission()
        || !limits.rateLimiter("client:" + client).acquirePermission()) {
      throw new TooFast();
    }
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)),
              0,
              16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
