package dev.paperboy.library;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The library's rows: saved papers with their origin, and the entries that matched nothing. */
@Repository
class LibraryRows {

  /** Unmatched entries shown on the library page, oldest first. */
  static final int SHOWN = 500;

  /** Unmatched entries kept per reader, the newest. */
  static final int KEPT = 2_000;

  private final JdbcClient jdbc;

  LibraryRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Saves the papers that exist among {@code paperIds}; one already saved keeps its origin and
   * date. Returns how many were newly saved.
   */
  int save(UUID reader, Collection<String> paperIds, Origin origin) {
    if (paperIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "insert into saved_paper (subscriber_id, paper_id, origin)"
                + " select ?, id, ? from paper where id = any(?) on conflict do nothing")
        .params(reader, origin.value(), paperIds.stream().distinct().toArray(String[]::new))
        .update();
  }

  /**
   * Lists entries as unmatched; listing one again changes nothing, except that an entry left
   * unmatched or whose fetch failed is fetched again when {@code unmatched} asks for it.
   */
  void listUnmatched(UUID reader, List<Unmatched> unmatched) {
    if (unmatched.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into library_unmatched (subscriber_id, title, arxiv_id, doi, status)"
                + " select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                + " on conflict (subscriber_id, coalesce(arxiv_id, ''), coalesce(doi, ''),"
                + " md5(coalesce(title, ''))) do update set status = excluded.status"
                + " where library_unmatched.status in ('unmatched', 'fetch-failed')"
                + " and excluded.status = 'fetching'")
        .params(
            reader,
            unmatched.stream().map(Unmatched::title).toArray(String[]::new),
            unmatched.stream().map(Unmatched::arxivId).toArray(String[]::new),
            unmatched.stream().map(Unmatched::doi).toArray(String[]::new),
            unmatched.stream().map(u -> u.status().value()).toArray(String[]::new))
        .update();
    // The newest are kept: the list is there to read, and imports must not grow it without end.
    jdbc.sql(
            "delete from library_unmatched where subscriber_id = ? and id not in"
                + " (select id from library_unmatched where subscriber_id = ?"
                + " order by id desc limit ?)")
        .params(reader, reader, KEPT)
        .update();
  }

  /** Entries once unmatched that name papers now found: no longer listed. */
  void forgetUnmatched(UUID reader, Collection<String> arxivIds, Collection<String> dois) {
    if (arxivIds.isEmpty() && dois.isEmpty()) {
      return;
    }
    jdbc.sql(
            "delete from library_unmatched where subscriber_id = ?"
                + " and (arxiv_id = any(?) or lower(doi) = any(?))")
        .params(reader, arxivIds.toArray(String[]::new), dois.toArray(String[]::new))
        .update();
  }

  List<Unmatched> unmatched(UUID reader) {
    return jdbc.sql(
            "select title, arxiv_id, doi, status from library_unmatched where subscriber_id = ?"
                + " order by id desc limit ?")
        .params(reader, SHOWN)
        .query(
            (rs, i) ->
                new Unmatched(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    Unmatched.Status.of(rs.getString(4))))
        .list();
  }

  /** The arXiv ids of a reader's entries waiting to be fetched. */
  List<String> fetching(UUID reader) {
    return jdbc.sql(
            "select distinct arxiv_id from library_unmatched where subscriber_id = ?"
                + " and status = 'fetching' and arxiv_id is not null")
        .param(reader)
        .query(String.class)
        .list();
  }

  /**
   * After a fetch: entries whose paper did not come are not found, or, on failure, fetch-failed.
   */
  void fetched(UUID reader, Collection<String> arxivIds, Unmatched.Status status) {
    jdbc.sql(
            "update library_unmatched set status = ? where subscriber_id = ?"
                + " and status = 'fetching' and arxiv_id = any(?)")
        .params(status.value(), reader, arxivIds.toArray(String[]::new))
        .update();
  }

  /**
   * The papers among these that the reader has already met: saved, marked 👎 or "not interested",
   * or been recommended.
   */
  List<String> knownAmong(UUID reader, Collection<String> paperIds) {
    String[] ids = paperIds.toArray(String[]::new);
    return jdbc.sql(
            "select paper_id from saved_paper where subscriber_id = ? and paper_id = any(?)"
                + " union select paper_id from feedback where subscriber_id = ?"
                + " and signal in ('down', 'not-interested') and paper_id = any(?)"
                + " union select paper_id from recommendation where subscriber_id = ?"
                + " and paper_id = any(?)")
        .params(reader, ids, reader, ids, reader, ids)
        .query(String.class)
        .list();
  }
}
