package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ingest.Importer;
import dev.paperboy.support.ExternalDatabase;
import dev.paperboy.support.StartedApplication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one external PostgreSQL share a digest run: each subscriber gets
 * exactly one letter, both instances compose some, and a partition whose instance died is taken
 * over once its lease runs out.
 */
class DigestPartitionsIT {

  static final int SUBSCRIBERS = 500;

  static ExternalDatabase database;
  static StartedApplication first;
  static StartedApplication second;
  static JdbcClient jdbc;

  @BeforeAll
  static void startTwoInstances() {
    database = ExternalDatabase.start();
    ExternalDatabase.Database url = database.create("digest_partitions");
    first = StartedApplication.with(url.settings().toArray(String[]::new));
    second = StartedApplication.with(url.settings().toArray(String[]::new));
    jdbc = first.bean(JdbcClient.class);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String papers =
        String.format(
            """
            {"id": "2611.70001", "title": "Shared Runs of Diffusion", "abstract": "Diffusion.", "authors": ["Ana Run"], "categories": ["cs.LG"], "published": "%s"}
            {"id": "2611.70002", "title": "Partitions for Sampling", "abstract": "Sampling.", "authors": ["Bo Part"], "categories": ["cs.CV"], "published": "%s"}
            """,
            today, today);
    first
        .bean(Importer.class)
        .importFile(
            "today.jsonl", new ByteArrayInputStream(papers.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    database.close();
  }

  @BeforeEach
  void subscribers() {
    jdbc.sql("delete from digest_run").update();
    jdbc.sql("delete from digest_paper").update();
    jdbc.sql("delete from digest").update();
    jdbc.sql("delete from outbox").update();
    jdbc.sql("delete from subscriber").update();
    // Confirmed two days ago, all trending papers (no topics), due whatever the hour.
    jdbc.sql(
            "insert into subscriber (email, email_key, status, digest, confirmed_at)"
                + " select 'r' || g || '@example.org', 'r' || g || '@example.org', 'confirmed',"
                + " true, now() - interval '2 days' from generate_series(1, ?) g")
        .param(SUBSCRIBERS)
        .update();
  }

  @Test
  void twoInstancesShareOneRunAndEverySubscriberGetsOneLetter() throws Exception {
    List<Digests.Run> runs =
        together(first.bean(Digests.class)::runNow, second.bean(Digests.class)::runNow);

    assertThat(runs).allSatisfy(run -> assertThat(run.queued()).isPositive());
    assertThat(runs.stream().mapToInt(Digests.Run::queued).sum()).isEqualTo(SUBSCRIBERS);
    assertOneLetterEach();
    assertThat(
            jdbc.sql("select count(distinct claimed_by) from digest_partition")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aPartitionWhoseInstanceDiedIsTakenOverWhenItsLeaseRunsOut() {
    DigestRuns dead = first.bean(DigestRuns.class);
    DigestRuns.Joined run = dead.join(true, Instant.now());
    DigestRuns.Partition held = dead.claim(run, false).orElseThrow();
    // The holder dies without a word: nothing renews its lease, which runs out.
    jdbc.sql(
            "update digest_partition set lease_until = now() - interval '1 second'"
                + " where run_id = ? and part = ?")
        .params(held.run(), held.part())
        .update();

    Digests.Run survivor = second.bean(Digests.class).runNow();

    assertThat(survivor.queued()).isEqualTo(SUBSCRIBERS);
    assertOneLetterEach();
    assertThat(
            jdbc.sql(
                    "select done_at is not null from digest_partition where run_id = ? and part = ?")
                .params(held.run(), held.part())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aLiveHoldersPartitionIsNotTakenOver() {
    DigestRuns holder = first.bean(DigestRuns.class);
    DigestRuns.Joined run = holder.join(true, Instant.now());
    DigestRuns.Partition held = holder.claim(run, false).orElseThrow();

    // Another instance takes every other partition, and leaves the held one to its holder.
    DigestRuns other = second.bean(DigestRuns.class);
    List<Integer> taken = new ArrayList<>();
    other.claim(run, false).ifPresent(p -> taken.add(p.part()));
    while (!taken.isEmpty() && taken.size() < run.partitions() - 1) {
      taken.add(other.claim(run, false).orElseThrow().part());
    }
    assertThat(taken).doesNotContain(held.part()).hasSize(run.partitions() - 1);
    assertThat(other.claim(run, false)).isEmpty();
  }

  private static void assertOneLetterEach() {
    assertThat(
            jdbc.sql(
                    "select count(*), count(distinct subscriber_id) from outbox where kind ="
                        + " 'digest'")
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single())
        .containsExactly((long) SUBSCRIBERS, (long) SUBSCRIBERS);
  }

  /** Starts both calls at the same moment, as two instances' schedules or operators would. */
  @SafeVarargs
  private static <T> List<T> together(Callable<T>... calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
