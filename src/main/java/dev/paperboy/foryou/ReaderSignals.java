package dev.paperboy.foryou;

import dev.paperboy.catalog.Embeddings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What readers told us about papers, read from where each signal lives: the library (saved,
 * imported, picked), votes, and feedback. Only papers with a vector from the current model count:
 * one without a vector yet is skipped until it has one, and then makes the model stale.
 */
@Repository
class ReaderSignals {

  /** Every signal as (reader, paper, when, how), how named as {@link How#id()} names it. */
  static final String SIGNALS =
      "select subscriber_id, paper_id, created_at, case when origin = 'import' then 'imported'"
          + " else 'saved' end as how from saved_paper"
          + " union all select subscriber_id, paper_id, created_at, 'voted' from vote"
          + " where weight > 0"
          + " union all select subscriber_id, paper_id, created_at, signal from feedback";

  private final JdbcClient jdbc;

  ReaderSignals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One reader's signals on papers that have a vector from {@code model}. */
  ReaderState of(UUID reader, String model) {
    return of(List.of(reader), model).get(reader);
  }

  /**
   * The signals of each of these readers on papers that have a vector from {@code model}, in one
   * query; every reader asked for is in the answer, with no signals if they have none.
   */
  Map<UUID, ReaderState> of(Collection<UUID> readers, String model) {
    Map<UUID, List<ReaderState.Signal>> positives = new HashMap<>();
    Map<UUID, List<ReaderState.Signal>> negatives = new HashMap<>();
    readers.forEach(
        r -> {
          positives.put(r, new ArrayList<>());
          negatives.put(r, new ArrayList<>());
        });
    jdbc.sql(
            "select x.subscriber_id, x.paper_id, p.title, x.how, x.created_at, e.vector from ("
                + SIGNALS
                + ") x join paper p on p.id = x.paper_id join paper_embedding e on e.paper_id ="
                + " x.paper_id and e.model = ? where x.subscriber_id = any(?::text[]::uuid[])"
                + " order by x.created_at desc, x.paper_id")
        .params(model, readers.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              How how = How.of(rs.getString(4));
              ReaderState.Signal s =
                  new ReaderState.Signal(
                      rs.getString(2),
                      rs.getString(3),
                      how,
                      rs.getTimestamp(5).toInstant(),
                      Embeddings.decode(rs.getBytes(6)));
              UUID reader = rs.getObject(1, UUID.class);
              (how.positive() ? positives : negatives).get(reader).add(s);
            });
    Map<UUID, ReaderState> states = new HashMap<>();
    readers.forEach(r -> states.put(r, new ReaderState(r, positives.get(r), negatives.get(r))));
    return states;
  }

  /** Whether the reader has any positive with a vector: what For you needs to rank anything. */
  boolean anyPositive(UUID reader, String model) {
    return jdbc.sql(
            "select exists (select 1 from ("
                + SIGNALS
                + ") x join paper_embedding e on e.paper_id = x.paper_id and e.model = ?"
                + " where x.subscriber_id = ? and x.how not in ('down', 'not-interested'))")
        .params(model, reader)
        .query(Boolean.class)
        .single();
  }

  /**
   * Up to {@code limit} readers with positives whose stored model is missing, from another
   * embedding model, or learned from other signals than they have now (counted as {@link
   * ReaderState#evidence} counts them, so a removed save or an undone 👍 is noticed too).
   */
  List<UUID> stale(String model, int limit) {
    return jdbc.sql(
            "with counted as (select x.subscriber_id, count(*) filter (where x.how not in"
                + " ('down', 'not-interested')) as pos, count(*) filter (where x.how in ('down',"
                + " 'not-interested')) as neg, max(x.created_at) as newest from ("
                + SIGNALS
                + ") x join paper_embedding e on e.paper_id = x.paper_id and e.model = ?"
                + " group by x.subscriber_id)"
                + " select c.subscriber_id from counted c left join reader_model m"
                + " on m.subscriber_id = c.subscriber_id where c.pos > 0 and (m.subscriber_id is"
                + " null or m.model <> ? or m.positives <> c.pos or m.negatives <> c.neg"
                + " or m.learned_until is distinct from c.newest) order by c.subscriber_id limit ?")
        .params(model, model, limit)
        .query(UUID.class)
        .list();
  }
}
