package dev.paperboy.trending;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What is trending in a window: papers published in it or with signals in it, scored by {@link
 * TrendingScore} on the signals inside the window only.
 */
@Service
public class Trending {

  /** A trending paper with the signals that put it there. */
  public record Trend(Paper paper, double score, double votes, long upvotes, long views) {}

  private record Row(
      String id, LocalDate published, Instant firstSeen, double votes, long upvotes, long views) {}

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Clock clock;

  Trending(JdbcClient jdbc, Catalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  public List<Trend> top(Window window, int limit) {
    Instant now = clock.instant();
    Instant since = now.minus(window.length());
    LocalDate sinceDay = since.atZone(ZoneOffset.UTC).toLocalDate();
    List<Row> rows =
        jdbc.sql(
                "with v as (select paper_id, sum(weight) n from vote where created_at >= ?"
                    + " group by paper_id),"
                    + " u as (select paper_id, sum(value) n from paper_signal where kind = 'upvotes'"
                    + " and observed_at >= ? group by paper_id),"
                    + " w as (select paper_id, sum(views) n from paper_view where day >= ?"
                    + " group by paper_id),"
                    + " c as (select id from paper where published >= ? union select paper_id from v"
                    + " union select paper_id from u union select paper_id from w)"
                    + " select p.id, p.published, p.first_seen, coalesce(v.n, 0) votes,"
                    + " coalesce(u.n, 0) upvotes, coalesce(w.n, 0) views from c join paper p on"
                    + " p.id = c.id left join v on v.paper_id = c.id left join u on u.paper_id = c.id"
                    + " left join w on w.paper_id = c.id")
            .params(Timestamp.from(since), Timestamp.from(since), sinceDay, sinceDay)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getDouble(4),
                        rs.getLong(5),
                        rs.getLong(6)))
            .list();
    Map<String, Double> scores =
        rows.stream()
            .collect(
                Collectors.toMap(
                    Row::id,
                    r -> TrendingScore.of(r.votes(), r.upvotes(), r.views(), seen(r), now)));
    List<Row> best =
        rows.stream()
            .sorted(
                Comparator.comparingDouble((Row r) -> -scores.get(r.id())).thenComparing(Row::id))
            .limit(limit)
            .toList();
    Map<String, Paper> papers =
        catalog
            .findAll(best.stream().map(r -> PaperId.parse(r.id()).orElseThrow()).toList())
            .stream()
            .collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
    return best.stream()
        .filter(r -> papers.containsKey(r.id()))
        .map(
            r ->
                new Trend(
                    papers.get(r.id()), scores.get(r.id()), r.votes(), r.upvotes(), r.views()))
        .toList();
  }

  private static Instant seen(Row r) {
    return r.published() != null
        ? r.published().atStartOfDay().toInstant(ZoneOffset.UTC)
        : r.firstSeen();
  }
}
