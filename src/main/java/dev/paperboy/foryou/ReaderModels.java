package dev.paperboy.foryou;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each reader's learned ranking, kept in {@code reader_model} with the evidence it was learned
 * from, and learned again when the reader's signals no longer match that evidence. A reader is
 * learned by one instance at a time (a transaction-scoped advisory lock on the reader): a page or a
 * digest that finds the model stale waits the milliseconds another instance takes, then uses what
 * it stored; the scheduled refresh passes over a reader someone else is learning.
 */
@Component
class ReaderModels {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Background background;

  ReaderModels(JdbcClient jdbc, TransactionTemplate transaction, Background background) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.background = background;
  }

  /** A stored model: the embedding model its weights apply to, and what it learned from. */
  record Stored(String model, ReaderRanker ranker, ReaderState.Evidence evidence) {
    boolean fits(String model, ReaderState.Evidence now) {
      return this.model.equals(model) && evidence.equals(now);
    }
  }

  /** The reader's ranking, learned again first if stale; empty when they have no positive. */
  Optional<ReaderRanker> current(ReaderState reader, String model) {
    return current(reader, model, find(reader.reader()));
  }

  /**
   * The reader's ranking: {@code stored} (as read before) when it still fits their signals, else
   * learned again; empty when they have no positive.
   */
  Optional<ReaderRanker> current(ReaderState reader, String model, Optional<Stored> stored) {
    if (reader.positives().isEmpty()) {
      return Optional.empty();
    }
    ReaderState.Evidence now = reader.evidence();
    if (stored.isPresent() && stored.get().fits(model, now)) {
      return Optional.of(stored.get().ranker());
    }
    return Optional.of(transaction.execute(tx -> learned(reader, model, true)));
  }

  /**
   * The reader's ranking for a digest, which must not spend a learning on each of 100,000 readers:
   * the stored one even if stale (the scheduled refresh learns it again within {@code
   * paperboy.for-you.refresh-every}), or, with none for this embedding model, the centroid of the
   * positives, computed here and not kept; empty when they have no positive.
   */
  Optional<ReaderRanker> forDigest(ReaderState reader, String model, Optional<Stored> stored) {
    if (reader.positives().isEmpty()) {
      return Optional.empty();
    }
    if (stored.isPresent() && stored.get().model().equals(model)) {
      return Optional.of(stored.get().ranker());
    }
    return Optional.of(Learner.learn(reader.positivesOnly()));
  }

  /**
   * Learns the reader's model again unless another instance is at it; false when it was left to
   * that instance.
   */
  boolean refresh(ReaderState reader, String model) {
    if (reader.positives().isEmpty()) {
      return false;
    }
    return Boolean.TRUE.equals(
        transaction.execute(
            tx -> lock(reader.reader(), false) && learned(reader, model, false) != null));
  }

  /**
   * Inside a transaction: what another instance stored meanwhile, or a model learned and kept,
   * starting from the reader's previous one over the same vectors, if any ({@link
   * Learner#refresh}).
   */
  private ReaderRanker learned(ReaderState reader, String model, boolean waitForLock) {
    if (waitForLock) {
      lock(reader.reader(), true);
    }
    ReaderState.Evidence now = reader.evidence();
    Optional<Stored> stored = find(reader.reader());
    if (stored.isPresent() && stored.get().fits(model, now)) {
      return stored.get().ranker();
    }
    Examples examples = reader.examples(background.of(model));
    ReaderRanker ranker =
        stored
            .filter(s -> s.model().equals(model))
            .map(s -> Learner.refresh(examples, s.ranker()))
            .orElseGet(() -> Learner.learn(examples));
    save(reader.reader(), model, ranker, now);
    return ranker;
  }

  private boolean lock(UUID reader, boolean wait) {
    String key = "(hashtext('paperboy.reader_model'), hashtext(?))";
    if (wait) {
      jdbc.sql("select pg_advisory_xact_lock" + key).param(reader.toString()).query().listOfRows();
      return true;
    }
    return jdbc.sql("select pg_try_advisory_xact_lock" + key)
        .param(reader.toString())
        .query(Boolean.class)
        .single();
  }

  private Optional<Stored> find(UUID reader) {
    return Optional.ofNullable(find(List.of(reader)).get(reader));
  }

  /** The stored models of those of these readers who have one. */
  Map<UUID, Stored> find(Collection<UUID> readers) {
    Map<UUID, Stored> found = new HashMap<>();
    jdbc.sql(
            "select subscriber_id, model, kind, weights, bias, positives, negatives,"
                + " learned_until from reader_model where subscriber_id = any(?::text[]::uuid[])")
        .param(readers.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              int positives = rs.getInt("positives");
              int negatives = rs.getInt("negatives");
              Timestamp until = rs.getTimestamp("learned_until");
              found.put(
                  rs.getObject("subscriber_id", UUID.class),
                  new Stored(
                      rs.getString("model"),
                      ReaderRanker.of(
                          rs.getString("kind"),
                          rs.getBytes("weights"),
                          rs.getFloat("bias"),
                          positives,
                          negatives),
                      new ReaderState.Evidence(
                          positives, negatives, until == null ? null : until.toInstant())));
            });
    return found;
  }

  /**
   * Stores the model. Its positives and negatives columns hold the reader's signal counts (the
   * evidence), not the sample sizes the learner kept.
   */
  private void save(UUID reader, String model, ReaderRanker r, ReaderState.Evidence e) {
    jdbc.sql(
            "insert into reader_model (subscriber_id, model, kind, weights, bias, positives,"
                + " negatives, learned_until, trained_at) values (?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " on conflict (subscriber_id) do update set model = excluded.model, kind ="
                + " excluded.kind, weights = excluded.weights, bias = excluded.bias, positives ="
                + " excluded.positives, negatives = excluded.negatives, learned_until ="
                + " excluded.learned_until, trained_at = now()")
        .params(
            reader,
            model,
            r.kind(),
            r.weightsBytes(),
            r.bias(),
            e.positives(),
            e.negatives(),
            e.newest() == null ? null : Timestamp.from(e.newest()))
        .update();
  }
}
