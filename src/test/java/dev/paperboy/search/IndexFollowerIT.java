package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The index follows the catalog, whoever writes it: a paper written by plain SQL, not through the
 * importer and with no call to the index, becomes searchable; a transaction that began earlier and
 * commits later is not skipped; a killed listening connection is replaced and what was written
 * meanwhile is applied; a reindex swaps a new index in while searches go on.
 */
class IndexFollowerIT extends PaperboyIntegrationTest {

  private static final Path DATA_DIR = tempDir();

  /** What the issue asks: a change is searchable on every instance within 2 s of its commit. */
  private static final Duration SOON = Duration.ofSeconds(2);

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
  }

  @Autowired DataSource dataSource;
  @Autowired PaperIndex index;

  @Test
  void aPaperWrittenByPlainSqlIsSearchableWithoutAnyCallToTheIndex() throws Exception {
    awaitReady();
    insert("2612.00001", "Glassfrogs Hide Their Blood in the Liver");

    assertThat(eventually(() -> found("glassfrogs").contains("arxiv:2612.00001"), SOON))
        .as("found within %s", SOON)
        .isTrue();
  }

  @Test
  void anEarlierTransactionCommittingAfterALaterOneIsNotSkipped() throws Exception {
    awaitReady();
    try (Connection early = dataSource.getConnection();
        Connection late = dataSource.getConnection()) {
      early.setAutoCommit(false);
      late.setAutoCommit(false);
      insert(early, "2612.00002", "Axolotls Regrow Their Limbs");
      insert(late, "2612.00003", "Axolotls Kept in Cold Water");
      late.commit();
      assertThat(eventually(() -> found("axolotls").contains("arxiv:2612.00003"), SOON)).isTrue();
      // The follower has applied changes newer than the early transaction's, with it still open.
      index.catchUp();
      early.commit();
    }

    assertThat(eventually(() -> found("axolotls").contains("arxiv:2612.00002"), SOON))
        .as("the early transaction's paper")
        .isTrue();
  }

  @Test
  void aKilledListeningConnectionIsReplacedAndWhatWasMissedIsApplied() throws Exception {
    awaitReady();
    int killed =
        jdbcClient
            .sql(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where query ilike 'LISTEN%' and pid <> pg_backend_pid()")
            .query(Integer.class)
            .single();
    assertThat(killed).isOne();
    insert("2612.00004", "Tardigrades Survive the Vacuum of Space");

    Duration reconnect = IndexFollower.POLL.multipliedBy(5);
    assertThat(eventually(() -> found("tardigrades").contains("arxiv:2612.00004"), reconnect))
        .isTrue();
    assertThat(
            eventually(
                () ->
                    jdbcClient
                            .sql(
                                "select count(*) from pg_stat_activity where query ilike 'LISTEN%'")
                            .query(Integer.class)
                            .single()
                        == 1,
                reconnect))
        .as("listening again")
        .isTrue();
  }

  @Test
  void aReindexSwapsTheNewIndexInWhileSearchesGoOn() throws Exception {
    awaitReady();
    insert("2612.00005", "Mantis Shrimp See Polarised Light");
    index.catchUp();
    Path before = dataDirectory.root().resolve(live(dataDirectory.liveIndex()));
    assertThat(before).isDirectory();

    AtomicBoolean reindexing = new AtomicBoolean(true);
    ExecutorService searcher = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> failures =
          searcher.submit(
              () -> {
                List<String> failed = new ArrayList<>();
                int searches = 0;
                while (reindexing.get() || searches == 0) {
                  HttpResponse<String> r = get("/api/search?mode=hybrid&q=mantis");
                  if (r.statusCode() != 200 || !r.body().contains("arxiv:2612.00005")) {
                    failed.add(r.statusCode() + " " + r.body());
                  }
                  searches++;
                }
                return failed;
              });
      long reindexed = index.rebuild(n -> {});
      reindexing.set(false);

      assertThat(reindexed).isPositive();
      assertThat(failures.get()).isEmpty();
    } finally {
      searcher.shutdownNow();
    }
    String live = live(dataDirectory.liveIndex());
    assertThat(live).startsWith("index-").isNotEqualTo(before.getFileName().toString());
    assertThat(dataDirectory.root().resolve(live)).isDirectory();
    assertThat(before).as("the old index, deleted").doesNotExist();
    assertThat(found("mantis")).contains("arxiv:2612.00005");
    insert("2612.00006", "Mantis Shrimp Strike Fast");
    assertThat(eventually(() -> found("mantis").contains("arxiv:2612.00006"), SOON))
        .as("the new index follows the catalog")
        .isTrue();
  }

  /** What {@code bin/paperboy reindex} does against an external database, for every instance. */
  @Test
  void aReindexRequestedInTheDatabaseIsCarriedOutByTheFollower() throws Exception {
    awaitReady();
    insert("2612.00007", "Octopuses Taste with Their Arms");
    index.catchUp();
    Path pointer = dataDirectory.liveIndex();
    String before = live(pointer);

    index.requestReindexEverywhere();

    assertThat(
            eventually(
                () -> !index.reindexRequested() && !before.equals(live(pointer)),
                Duration.ofMinutes(1)))
        .as("rebuilt into a new directory")
        .isTrue();
    assertThat(found("octopuses")).contains("arxiv:2612.00007");
  }

  /** The name of the live index directory, as a restart would read it. */
  private static String live(Path pointer) {
    try {
      return Files.exists(pointer) ? Files.readString(pointer).strip() : "index";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readinessWaitsForTheIndexAndTheLagIsAMetric() throws Exception {
    awaitReady();
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"UP\"");

    String metrics = getAsOperator("/actuator/prometheus").body();
    assertThat(metrics).contains("paperboy_index_lag_seconds").contains("paperboy_index_pending");
  }

  private void awaitReady() throws InterruptedException {
    assertThat(eventually(() -> index.applied() != null, Duration.ofMinutes(2))).isTrue();
  }

  private void insert(String arxivId, String title) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      insert(c, arxivId, title);
    }
  }

  /** A paper as an operator or another program would write it, with the columns it must have. */
  private static void insert(Connection c, String arxivId, String title) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into paper (id, title, title_key, abstract, published)"
                + " values (?, ?, lower(?), 'Written straight to the catalog.', date '2025-08-01')")) {
      s.setString(1, "arxiv:" + arxivId);
      s.setString(2, title);
      s.setString(3, title);
      s.executeUpdate();
    }
  }

  private List<String> found(String words) {
    return foundByKeyword(words);
  }

  /** Whether {@code condition} held at some check before {@code within} ran out. */
  private static boolean eventually(BooleanSupplier condition, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
