package dev.paperboy.search;

import dev.paperboy.catalog.PaperId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's changes as the index reads them: every paper, stored vector and removal carries the
 * id of the transaction that wrote it ({@code change_xid}, migration V50), and a watermark is such
 * an id. {@link #horizon} is the oldest transaction still running: every transaction before it has
 * ended, and every later write gets an id at least as high. So after applying every change in
 * [watermark, horizon) the horizon is the next watermark, and nothing is skipped however late an
 * early transaction commits; a change read twice is harmless, as the index updates by paper id.
 */
@Component
class ChangeFeed {

  /** The channel every change to {@code paper}, {@code paper_embedding} or a reindex notifies. */
  static final String CHANNEL = "catalog_changes";

  private final JdbcClient jdbc;

  ChangeFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The oldest transaction id still running, or the next to be given out when none is. */
  long horizon() {
    return bounds().horizon();
  }

  /**
   * One look at the transactions: {@code horizon}, the oldest still running (every one before it
   * has ended), and {@code next}, the first not yet given out. A round of following reads only
   * changes before {@code next}: what is committed while it runs waits for the next round, so a
   * round ends however fast writers go on writing.
   */
  record Bounds(long horizon, long next) {}

  Bounds bounds() {
    return jdbc.sql(
            "select pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint"
                + " from pg_current_snapshot() s")
        .query((rs, i) -> new Bounds(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  /**
   * One paper's changes visible now: the ids of the transactions that last wrote its record, its
   * vectors or its removal, those at or after the watermark only, in ascending order.
   */
  record Change(PaperId paper, List<Long> xids) {}

  /**
   * Up to {@code limit} papers, in id order after {@code afterId} (null: from the start), with a
   * change by a transaction in [{@code from}, {@code before}).
   */
  List<Change> since(long from, long before, String afterId, int limit) {
    String after = afterId == null ? "" : afterId;
    return jdbc.sql(
            "select id, array_agg(xid order by xid) from ("
                + select("id", "paper")
                + " union all "
                + select("paper_id", "paper_embedding")
                + " union all "
                + select("paper_id", "paper_removed")
                + ") c group by id order by id limit ?")
        .params(from, before, after, from, before, after, from, before, after, limit)
        .query(
            (rs, i) ->
                new Change(
                    PaperId.parse(rs.getString(1)).orElseThrow(),
                    List.of((Long[]) rs.getArray(2).getArray())))
        .list();
  }

  private static String select(String id, String table) {
    return "select "
        + id
        + " as id, change_xid::text::bigint as xid from "
        + table
        + " where change_xid >= ?::text::xid8 and change_xid < ?::text::xid8 and "
        + id
        + " > ?";
  }

  /** How many changes were committed at or after {@code from}: what the index has yet to apply. */
  long pending(long from) {
    return jdbc.sql(
            "select (select count(*) from paper where change_xid >= ?::text::xid8)"
                + " + (select count(*) from paper_embedding where change_xid >= ?::text::xid8)"
                + " + (select count(*) from paper_removed where change_xid >= ?::text::xid8)")
        .params(from, from, from)
        .query(Long.class)
        .single();
  }

  /** The newest reindex asked of every instance; 0 when none ever was. */
  long reindexGeneration() {
    return jdbc.sql("select coalesce(max(generation), 0) from reindex_request")
        .query(Long.class)
        .single();
  }

  /** Asks every instance's index to rebuild itself; returns the request's generation. */
  long requestReindex() {
    return jdbc.sql("insert into reindex_request default values returning generation")
        .query(Long.class)
        .single();
  }
}
