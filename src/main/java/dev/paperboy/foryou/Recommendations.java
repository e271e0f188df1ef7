package dev.paperboy.foryou;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What was recommended to whom ({@code recommendation}): never recommended to them again. */
@Repository
class Recommendations {

  /** A paper recommended to a reader, with the positive that was its reason. */
  record Shown(String paperId, float score, String becauseId, String becauseTitle, Instant at) {}

  private final JdbcClient jdbc;

  Recommendations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What was recommended to the reader among papers published since {@code since}. */
  List<Shown> since(UUID reader, LocalDate since) {
    return jdbc.sql(
            "select r.paper_id, r.score, r.because_id, b.title, r.shown_at from recommendation r"
                + " join paper p on p.id = r.paper_id left join paper b on b.id = r.because_id"
                + " where r.subscriber_id = ? and p.published >= ?"
                + " order by r.score desc, r.paper_id")
        .params(reader, since)
        .query(
            (rs, i) ->
                new Shown(
                    rs.getString(1),
                    rs.getFloat(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Records what each reader was shown; a paper already recorded for a reader stays as it was. */
  void record(Map<UUID, List<ForYou.Recommendation>> shown) {
    List<Object[]> rows =
        shown.entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream()
                        .map(
                            r ->
                                new Object[] {
                                  e.getKey().toString(),
                                  r.paper().id().toString(),
                                  r.score(),
                                  r.because().id()
                                }))
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into recommendation (subscriber_id, paper_id, score, because_id)"
                + " select s::uuid, p, sc, b from unnest(?::text[], ?::text[], ?::real[],"
                + " ?::text[]) as x(s, p, sc, b) on conflict do nothing")
        .params(
            rows.stream().map(r -> (String) r[0]).toArray(String[]::new),
            rows.stream().map(r -> (String) r[1]).toArray(String[]::new),
            rows.stream().map(r -> (Float) r[2]).toArray(Float[]::new),
            rows.stream().map(r -> (String) r[3]).toArray(String[]::new))
        .update();
  }
}
