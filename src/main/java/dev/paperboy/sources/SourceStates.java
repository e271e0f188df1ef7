package dev.paperboy.sources;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each source's schedule, health and harvest position, in PostgreSQL. */
@Repository
class SourceStates {

  /** One source's row. */
  record State(
      String source,
      Instant nextRun,
      Instant runningSince,
      Instant lastSuccess,
      String lastError,
      Instant lastErrorAt,
      int failures,
      long papersAdded,
      LocalDate harvestedUntil,
      String resumptionToken,
      LocalDate resumptionFrom) {}

  /**
   * A claim not renewed for this long is presumed dead (its instance was killed): another instance
   * may take the source. A living run renews it every {@link #RENEW_EVERY} (see {@link #hold}).
   */
  static final Duration STALE_RUN = Duration.ofMinutes(3);

  static final Duration RENEW_EVERY = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "source-claims");
            t.setDaemon(true);
            return t;
          });

  SourceStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps this instance's claim on {@code source} fresh until the returned handle is closed: a run
   * may take hours (a first harvest), and only a claim that stops being renewed is taken over.
   */
  Held hold(String source) {
    ScheduledFuture<?> renewal =
        renewals.scheduleWithFixedDelay(
            () -> renew(source),
            RENEW_EVERY.toMillis(),
            RENEW_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
    return new Held(renewal);
  }

  /** A claim kept fresh; closing it stops the renewals (the run's end releases the claim). */
  record Held(ScheduledFuture<?> renewal) implements AutoCloseable {
    @Override
    public void close() {
      renewal.cancel(false);
    }
  }

  void renew(String source) {
    try {
      jdbc.sql(
              "update source_state set running_since = now()"
                  + " where source = ? and running_since is not null")
          .param(source)
          .update();
    } catch (RuntimeException e) {
      // The next renewal tries again; a claim missed three times is taken over, no worse.
    }
  }

  @PreDestroy
  void close() {
    renewals.shutdownNow();
  }

  void ensure(List<String> sources) {
    sources.forEach(
        s ->
            jdbc.sql("insert into source_state (source) values (?)" + " on conflict do nothing")
                .param(s)
                .update());
  }

  /**
   * Claims one due source for this instance: the row lock with SKIP LOCKED means two instances
   * never claim the same source, and running_since keeps others off until it finishes.
   */
  Optional<String> claimDue(List<String> enabled) {
    return jdbc.sql(
            "update source_state set running_since = now() where source = ("
                + " select source from source_state where next_run <= now()"
                + " and source = any(?) and (running_since is null"
                + " or running_since < now() - make_interval(secs => ?))"
                + " order by next_run limit 1 for update skip locked) returning source")
        .params(enabled.toArray(String[]::new), STALE_RUN.toSeconds())
        .query(String.class)
        .optional();
  }

  /** Claims one named source now, unless another run of it is in progress. */
  boolean claim(String source) {
    return jdbc.sql(
                "update source_state set running_since = now() where source = ? and"
                    + " (running_since is null or running_since < now() - make_interval(secs => ?))")
            .params(source, STALE_RUN.toSeconds())
            .update()
        == 1;
  }

  /** Makes a job due now, when it was waiting for a later time. */
  void bringForward(String source) {
    jdbc.sql("update source_state set next_run = now() where source = ? and next_run > now()")
        .param(source)
        .update();
  }

  void succeeded(String source, long added, Instant nextRun) {
    jdbc.sql(
            "update source_state set running_since = null, last_success = now(),"
                + " consecutive_failures = 0, papers_added = papers_added + ?, next_run = ?"
                + " where source = ?")
        .params(added, Timestamp.from(nextRun), source)
        .update();
  }

  void failed(String source, String error, long added, Instant nextRun) {
    jdbc.sql(
            "update source_state set running_since = null, last_error = ?,"
                + " last_error_at = now(), consecutive_failures = consecutive_failures + 1,"
                + " papers_added = papers_added + ?, next_run = ? where source = ?")
        .params(error, added, Timestamp.from(nextRun), source)
        .update();
  }

  void resumeAt(String source, String token, LocalDate from) {
    jdbc.sql("update source_state set resumption_token = ?, resumption_from = ? where source = ?")
        .params(token, from, source)
        .update();
  }

  void harvested(String source, LocalDate until) {
    jdbc.sql(
            "update source_state set harvested_until = ?, resumption_token = null,"
                + " resumption_from = null where source = ?")
        .params(until, source)
        .update();
  }

  State get(String source) {
    return jdbc.sql("select * from source_state where source = ?")
        .param(source)
        .query(this::map)
        .single();
  }

  List<State> all(List<String> sources) {
    return jdbc.sql("select * from source_state where source = any(?) order by source")
        .param(sources.toArray(String[]::new))
        .query(this::map)
        .list();
  }

  private State map(ResultSet rs, int row) throws SQLException {
    return new State(
        rs.getString("source"),
        instant(rs.getTimestamp("next_run")),
        instant(rs.getTimestamp("running_since")),
        instant(rs.getTimestamp("last_success")),
        rs.getString("last_error"),
        instant(rs.getTimestamp("last_error_at")),
        rs.getInt("consecutive_failures"),
        rs.getLong("papers_added"),
        rs.getObject("harvested_until", LocalDate.class),
        rs.getString("resumption_token"),
        rs.getObject("resumption_from", LocalDate.class));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
