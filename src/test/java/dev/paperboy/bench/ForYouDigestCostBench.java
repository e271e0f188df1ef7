package dev.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Digests;
import dev.paperboy.foryou.ModelRefresh;
import dev.paperboy.search.Embedder;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What For you adds to a digest run, measured, not asserted: {@value #READERS} readers with {@value
 * #SAVED} saved papers each, {@value #NEW} new papers of synthetic vectors ({@link
 * SyntheticVectors}, one cluster a topic), one run with For you off, one with it on and no model
 * stored (centroids computed on the spot), the scheduled refresh of up to 10,000 models (-Dlearn)
 * from nothing (the rest copied, see {@link #LEARNED}), then a run with the models stored, and the
 * refresh of the tenth of readers who saved one more paper. Not part of the suite: run it with
 * {@code ./mvnw verify -Dtest=NONE -Dit.test=ForYouDigestCostBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dreaders=100000} for the product's scale);
 * it prints its figures (docs/DIGEST.md quotes them).
 */
class ForYouDigestCostBench extends PaperboyIntegrationTest {

  static final int READERS = Integer.getInteger("readers", 5_000);
  static final int NEW = 2_000;
  static final int OLD = 500;
  static final int TOPICS = 50;
  static final int SAVED = 5;

  /**
   * Readers whose models the bench learns; the others get a copy of a learned model of their topic
   * (the same saves, so the same evidence, and not stale): at 100,000 readers, learning every one
   * would take half an hour and measure nothing the first thousand do not.
   */
  static final int LEARNED = Integer.getInteger("learn", 10_000);

  static final Path OWN_DATA = tempDir();

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
  }

  @Autowired Digests digests;
  @Autowired ModelRefresh refresh;
  @Autowired Embedder embedder;
  @Autowired JdbcTemplate template;

  @Test
  void measureWhatForYouAddsToADigestRun() {
    catalog();
    readers();
    run(false); // warms up the server: the first run of a fresh process is the slowest
    double off = run(false);
    run(true); // and the For you part of a run
    jdbcClient.sql("delete from reader_model").update();
    double cold = run(true);
    long start = System.nanoTime();
    jdbcClient.sql("delete from reader_model").update();
    int learned = 0;
    for (int round; learned < LEARNED && (round = refresh.run()) > 0; ) {
      learned += round;
    }
    double refreshing = (System.nanoTime() - start) / 1e9;
    int copied = copyModels();
    double warm = run(true);
    // A day's share: every tenth reader saves one more paper, and only they are learned again.
    jdbcClient
        .sql(
            "insert into saved_paper (subscriber_id, paper_id) select s.id, 'doi:10.5555/fy.'"
                + " || (s.n % ? + ? * ?) from (select id, row_number() over (order by id) as n"
                + " from subscriber) s where s.n % 10 = 0")
        .params(TOPICS, TOPICS, SAVED)
        .update();
    long again = System.nanoTime();
    int relearned = 0;
    for (int round; (round = refresh.run()) > 0; ) {
      relearned += round;
    }
    double changed = (System.nanoTime() - again) / 1e9;
    System.out.printf(
        "FOR-YOU-DIGEST-COST readers=%d new=%d saved=%d cores=%d%n"
            + "  digest run, For you off:              %.1f s%n"
            + "  digest run, For you on, no model yet:  %.1f s (+%.2f ms a reader)%n"
            + "  digest run, For you on, models stored: %.1f s (+%.2f ms a reader)%n"
            + "  scheduled refresh, from nothing:       %.1f s (%d learned, %.2f ms a reader;"
            + " %d copied)%n"
            + "  refresh of the tenth that changed:     %.1f s (%d learned, %.2f ms a reader)%n",
        READERS,
        NEW,
        SAVED,
        Runtime.getRuntime().availableProcessors(),
        off,
        cold,
        (cold - off) * 1000 / READERS,
        warm,
        (warm - off) * 1000 / READERS,
        refreshing,
        learned,
        refreshing * 1000 / Math.max(1, learned),
        copied,
        changed,
        relearned,
        changed * 1000 / Math.max(1, relearned));
    assertThat(learned + copied).isEqualTo(READERS);
    assertThat(relearned).isEqualTo(READERS / 10);
  }

  /** Gives every reader without a model a copy of one learned for a reader of the same topic. */
  private int copyModels() {
    // the topic count is written into the statement: "distinct on" must repeat "order by"'s
    // expression, which two bind parameters are not
    String topic = "s.n % " + TOPICS;
    return jdbcClient
        .sql(
            ("with numbered as (select id, row_number() over (order by id) as n from subscriber),"
                    + " learned as (select distinct on (TOPIC) TOPIC as topic, m.* from numbered s"
                    + " join reader_model m on m.subscriber_id = s.id order by TOPIC, s.n)"
                    + " insert into reader_model (subscriber_id, model, kind, weights, bias,"
                    + " positives, negatives, learned_until, trained_at) select s.id, l.model,"
                    + " l.kind, l.weights, l.bias, l.positives, l.negatives, l.learned_until,"
                    + " l.trained_at from numbered s join learned l on TOPIC = l.topic"
                    + " on conflict (subscriber_id) do nothing")
                .replace("TOPIC", topic))
        .update();
  }

  /** One digest run from a clean slate of letters and recommendations; its seconds. */
  private double run(boolean forYou) {
    jdbcClient.sql("truncate digest_paper, digest, outbox, recommendation").update();
    jdbcClient.sql("update subscriber set for_you = ?").param(forYou).update();
    long start = System.nanoTime();
    Digests.Run run = digests.runNow();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(run.queued()).isEqualTo(READERS);
    return seconds;
  }

  private void catalog() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < OLD + NEW; i++) {
      lines.append(
          String.format(
              "{\"doi\": \"10.5555/fy.%d\", \"title\": \"Synthetic paper %d of topic %d\","
                  + " \"abstract\": \"About topic %d.\", \"published\": \"%s\"}%n",
              i, i, i % TOPICS, i % TOPICS, i < OLD ? "2025-01-01" : today.minusDays(i % 2)));
    }
    importer.importFile(
        "for-you-cost.jsonl",
        new java.io.ByteArrayInputStream(
            lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        false);
    SyntheticVectors vectors = new SyntheticVectors(16);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < OLD + NEW; i++) {
      rows.add(
          new Object[] {
            "doi:10.5555/fy." + i,
            embedder.signature(),
            "synthetic",
            SyntheticVectors.hex(vectors.inCluster(i % TOPICS, i))
          });
    }
    template.batchUpdate(
        "insert into paper_embedding (paper_id, model, text_hash, vector) values (?, ?, ?, ?::bytea)",
        rows);
  }

  /** Readers with the digest on, each saving papers of one topic among the old ones. */
  private void readers() {
    jdbcClient
        .sql(
            "insert into subscriber (email, email_key, status, digest, topics, cadence, hour, zone)"
                + " select 'r' || g || '@for-you.example', 'r' || g || '@for-you.example',"
                + " 'confirmed', true, '{}', 'daily', 0, 'UTC' from generate_series(1, ?) g")
        .param(READERS)
        .update();
    jdbcClient
        .sql(
            "insert into saved_paper (subscriber_id, paper_id, created_at) select s.id,"
                + " 'doi:10.5555/fy.' || (s.n % ? + ? * k), now() - make_interval(days => k)"
                + " from (select id, row_number() over (order by id) as n from subscriber) s,"
                + " generate_series(0, ? - 1) k")
        .params(TOPICS, TOPICS, SAVED)
        .update();
  }
}
