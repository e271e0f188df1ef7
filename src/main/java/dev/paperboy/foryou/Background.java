package dev.paperboy.foryou;

import dev.paperboy.catalog.Embeddings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A random sample of papers with vectors, the negatives every reader's model weighs lightly against
 * their positives (as Scholar Inbox does). One sample serves every reader for {@link #KEPT}: what
 * it stands for, "papers in general", changes slowly, and drawing it costs a read of the table's
 * sampled pages, not of the table.
 */
@Component
class Background {

  /** Papers in the sample: a bounded training set, whatever the catalog's size. */
  static final int SIZE = 500;

  static final Duration KEPT = Duration.ofHours(1);

  /** A sampled paper. */
  record Paper(String id, float[] vector) {}

  private record Sample(String model, Instant drawn, List<Paper> papers) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Sample sample;

  Background(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Paper> of(String model) {
    Sample s = sample;
    Instant now = clock.instant();
    if (s == null || !s.model().equals(model) || s.drawn().plus(KEPT).isBefore(now)) {
      s = new Sample(model, now, draw(model));
      sample = s;
    }
    return s.papers();
  }

  /**
   * Block sampling ({@code TABLESAMPLE SYSTEM}) of about twice the pages the sample needs, by the
   * planner's estimate of the table's rows; all of a small table.
   */
  private List<Paper> draw(String model) {
    double rows =
        jdbc.sql(
                "select greatest(reltuples, 0) from pg_class where oid = 'paper_embedding'::regclass")
            .query(Double.class)
            .single();
    double percent = rows < 4 * SIZE ? 100 : Math.min(100, 100.0 * 2 * SIZE / rows);
    return jdbc.sql(
            "select paper_id, vector from paper_embedding tablesample system (?::real) where model = ?"
                + " limit ?")
        .params(percent, model, SIZE)
        .query((rs, i) -> new Paper(rs.getString(1), Embeddings.decode(rs.getBytes(2))))
        .list();
  }
}
