package dev.paperboy.trending;

import dev.paperboy.runtime.RateLimit;
import dev.paperboy.runtime.RateLimits;
import dev.paperboy.runtime.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Readers' signals: votes (one per person, undoable, rate-limited, damped for accounts younger than
 * a day), saved papers, and page views counted once per client, paper and day, without storing who
 * viewed.
 */
@Service
public class Signals {

  static final Duration YOUNG = Duration.ofDays(1);
  static final double YOUNG_WEIGHT = 0.25;
  private static final Pattern BOT =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|curl|wget|python|java/|httpclient|go-http|libwww|headless");
  static final int VOTES_PER_MINUTE = 30;
  // A reader opens a few dozen new papers an hour; past this, a client's views are not counted.
  static final int VIEWS_PER_HOUR = 120;

  /** Too many votes too fast, from one account or one client. */
  public static final class TooFast extends RuntimeException {
    TooFast() {
      super("too many votes in a short time; wait a minute");
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecretKeySpec visitorKey;
  private final RateLimit votesPerAccount;
  private final RateLimit votesPerClient;
  private final RateLimit viewsPerClient;
  private final AtomicReference<LocalDate> forgotten = new AtomicReference<>();

  Signals(JdbcClient jdbc, Clock clock, SigningKey key, RateLimits limits) {
    this.votesPerAccount = limits.of("votes-per-account", VOTES_PER_MINUTE, Duration.ofMinutes(1));
    this.votesPerClient = limits.of("votes-per-client", VOTES_PER_MINUTE, Duration.ofMinutes(1));
    this.viewsPerClient = limits.of("views-per-client", VIEWS_PER_HOUR, Duration.ofHours(1));
    this.jdbc = jdbc;
    this.clock = clock;
    this.visitorKey = new SecretKeySpec(key.bytes(), "HmacSHA256");
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

  /** Readers' votes of each of the papers that has any, by paper id: one query for a list. */
  public Map<String, Long> votes(Collection<String> paperIds) {
    Map<String, Long> votes = new HashMap<>();
    jdbc.sql("select paper_id, count(*) from vote where paper_id = any(?) group by paper_id")
        .param(paperIds.toArray(String[]::new))
        .query(
            rs -> {
              votes.put(rs.getString(1), rs.getLong(2));
            });
    return votes;
  }

  /** Which of the papers the reader has upvoted. */
  public Set<String> votedAmong(UUID subscriber, Collection<String> paperIds) {
    return among("vote", subscriber, paperIds);
  }

  /** Which of the papers are in the reader's library. */
  public Set<String> savedAmong(UUID subscriber, Collection<String> paperIds) {
    return among("saved_paper", subscriber, paperIds);
  }

  private Set<String> among(String table, UUID subscriber, Collection<String> ids) {
    return Set.copyOf(
        jdbc.sql("select paper_id from " + table + " where subscriber_id = ? and paper_id = any(?)")
            .params(subscriber, ids.toArray(String[]::new))
            .query(String.class)
            .list());
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
  public List<String> library(UUID subscriber) {
    return jdbc.sql(
            "select paper_id from saved_paper where subscriber_id = ?"
                + " order by created_at desc, paper_id")
        .param(subscriber)
        .query(String.class)
        .list();
  }

  /**
   * Counts a page view once per client, paper and day (UTC), and not at all for a robot or past a
   * client's hourly budget of new views (reloads cost nothing). The client is the caller's name for
   * who asked (the web layer's client address), never a header: the User-Agent only tells robots
   * apart, since any client can rotate it.
   */
  public void viewed(String paperId, String client, String userAgent) {
    if (userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find()) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    forgetBefore(today.minusDays(1));
    boolean first =
        jdbc.sql(
                    "insert into paper_view_seen (day, visitor, paper_id) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(today, visitor(client, today), paperId)
                .update()
            == 1;
    if (first && viewsPerClient.tryTake(client)) {
      jdbc.sql(
              "insert into paper_view (paper_id, day, views) values (?, ?, 1) on conflict"
                  + " (paper_id, day) do update set views = paper_view.views + 1")
          .params(paperId, today)
          .update();
    }
  }

  /** Who viewed is kept no longer than it takes to tell a reload from a new reader. */
  private void forgetBefore(LocalDate day) {
    if (!day.equals(forgotten.getAndSet(day))) {
      jdbc.sql("delete from paper_view_seen where day < ?").param(day).update();
    }
  }

  private void limit(UUID subscriber, String client) {
    if (!votesPerAccount.tryTake(subscriber.toString()) || !votesPerClient.tryTake(client)) {
      throw new TooFast();
    }
  }

  /** A keyed hash of the client and the day: it tells visitors apart and names none of them. */
  private String visitor(String client, LocalDate day) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(visitorKey);
      byte[] digest = mac.doFinal(("view|" + day + "|" + client).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
