package dev.paperboy.digest;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digest runs shared by every instance on one database: a run is split into partitions, ranges of
 * subscriber ids, each claimed by one instance at a time with {@code FOR UPDATE SKIP LOCKED} and a
 * lease. A scheduled check joins the run of its schedule period, whoever started it; an operator's
 * run joins one started by another instance moments before, so a run started on every instance at
 * once is shared.
 */
@Repository
class DigestRuns {

  /** A partition holds about this many subscribers; few enough that N instances all get some. */
  static final int PARTITION = 50;

  static final int MAX_PARTITIONS = 256;

  /** How long a claim holds without a sign of life; renewed with every batch. */
  static final Duration LEASE = Duration.ofMinutes(1);

  /** An operator's run started this recently by another instance, and not finished, is joined. */
  static final Duration JOIN_WITHIN = Duration.ofMinutes(1);

  private static final Duration POLL = Duration.ofMillis(200);

  /** One run, as this instance joined it. */
  record Joined(long id, int partitions) {}

  /** A claimed partition: the subscribers whose ids fall in {@code [from, until)}. */
  record Partition(long run, int part, UUID from, UUID until) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Duration checkEvery;
  private final String instance =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  DigestRuns(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      @Value("${paperboy.mail.digest-every}") Duration checkEvery) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.checkEvery = checkEvery;
  }

  /**
   * The run to work on: the scheduled check's run of the period {@code now} falls in, or, for an
   * operator's run, one started just before and not finished, else a new one.
   */
  Joined join(boolean now, Instant at) {
    return transaction.execute(
        tx -> {
          // One joiner at a time, so two instances starting together find the same run.
          jdbc.sql("select pg_advisory_xact_lock(hashtext('paperboy.digest_run'))")
              .query(Object.class)
              .single();
          return (now ? joinable() : slot(at)).orElseGet(() -> start(now, at));
        });
  }

  private Optional<Joined> joinable() {
    return jdbc.sql(
            "select id, partitions from digest_run where kind = 'now' and finished_at is null"
                + " and started_at > now() - make_interval(secs => ?) order by id desc limit 1")
        .param(JOIN_WITHIN.toSeconds())
        .query(Joined.class)
        .optional();
  }

  private Optional<Joined> slot(Instant at) {
    return jdbc.sql("select id, partitions from digest_run where kind = 'due' and slot = ?")
        .param(Timestamp.from(slotOf(at)))
        .query(Joined.class)
        .optional();
  }

  private Instant slotOf(Instant at) {
    long every = Math.max(1, checkEvery.toMillis());
    return Instant.ofEpochMilli(at.toEpochMilli() / every * every);
  }

  private Joined start(boolean now, Instant at) {
    jdbc.sql("delete from digest_run where started_at < now() - interval '1 day'").update();
    long subscribers =
        jdbc.sql("select count(*) from subscriber where status = 'confirmed' and digest")
            .query(Long.class)
            .single();
    int partitions = (int) Math.max(1, Math.min(MAX_PARTITIONS, ceilDiv(subscribers, PARTITION)));
    long id =
        jdbc.sql("insert into digest_run (kind, slot, partitions) values (?, ?, ?) returning id")
            .params(now ? "now" : "due", now ? null : Timestamp.from(slotOf(at)), partitions)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into digest_partition (run_id, part) select ?, g from generate_series(0, ? - 1)"
                + " g")
        .params(id, partitions)
        .update();
    return new Joined(id, partitions);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /**
   * Claims a partition nobody holds (never claimed, or its lease ran out). When none is free but
   * others still work, {@code wait} waits for them to finish or for a lease to run out; otherwise
   * it leaves the rest to them.
   */
  Optional<Partition> claim(Joined run, boolean wait) {
    while (true) {
      Optional<Partition> claimed = claimFree(run);
      if (claimed.isPresent() || finished(run) || !wait) {
        return claimed;
      }
      sleep();
    }
  }

  private Optional<Partition> claimFree(Joined run) {
    return jdbc.sql(
            "update digest_partition set lease_until = now() + make_interval(secs => ?),"
                + " claimed_by = ? where (run_id, part) = (select run_id, part from"
                + " digest_partition where run_id = ? and done_at is null and (lease_until is"
                + " null or lease_until < now()) order by part limit 1 for update skip locked)"
                + " returning part")
        .params(LEASE.toSeconds(), instance, run.id())
        .query(Integer.class)
        .optional()
        .map(part -> partition(run, part));
  }

  /** Partition {@code part} of {@code n}: an equal share of the ids' leading 32 bits. */
  static Partition partition(Joined run, int part) {
    return new Partition(
        run.id(), part, bound(part, run.partitions()), bound(part + 1, run.partitions()));
  }

  /**
   * Where partition {@code part} starts; null past the last. PostgreSQL orders uuids by their
   * bytes, so a range of the leading bits is a range of ids (random ids spread evenly over it).
   */
  private static UUID bound(int part, int partitions) {
    if (part >= partitions) {
      return null;
    }
    long top = (part * (1L << 32)) / partitions;
    return new UUID(top << 32, 0);
  }

  /** Still working on it: holds the lease for another {@link #LEASE}. */
  void renew(Partition p) {
    jdbc.sql(
            "update digest_partition set lease_until = now() + make_interval(secs => ?)"
                + " where run_id = ? and part = ? and done_at is null")
        .params(LEASE.toSeconds(), p.run(), p.part())
        .update();
  }

  void done(Partition p) {
    jdbc.sql("update digest_partition set done_at = now() where run_id = ? and part = ?")
        .params(p.run(), p.part())
        .update();
  }

  /** Whether every partition is done; the first to see it records when the run finished. */
  private boolean finished(Joined run) {
    boolean open =
        jdbc.sql("select count(*) from digest_partition where run_id = ? and done_at is null")
                .param(run.id())
                .query(Long.class)
                .single()
            > 0;
    if (!open) {
      jdbc.sql("update digest_run set finished_at = now() where id = ? and finished_at is null")
          .param(run.id())
          .update();
    }
    return !open;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a digest run", e);
    }
  }
}
