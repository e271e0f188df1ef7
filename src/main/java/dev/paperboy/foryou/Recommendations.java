package dev.paperboy.foryou;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

  /**
   * What was recommended to each of these readers among papers published since {@code since}, best
   * first.
   */
  Map<UUID, List<Shown>> since(Collection<UUID> readers, LocalDate since) {
    Map<UUID, List<Shown>> shown = new HashMap<>();
    readers.forEach(r -> shown.put(r, new ArrayList<>()));
    jdbc.sql(
            "select r.subscriber_id, r.paper_id, r.score, r.because_id, b.title, r.shown_at"
                + " from recommendation r join paper p on p.id = r.paper_id"
                + " left join paper b on b.id = r.because_id"
                + " where r.subscriber_id = any(?::text[]::uuid[]) and p.published >= ?"
                + " order by r.score desc, r.paper_id")
        .params(readers.stream().map(UUID::toString).toArray(String[]::new), since)
        .query(
            rs -> {
              shown
                  .get(rs.getObject(1, UUID.class))
                  .add(
                      new Shown(
                          rs.getString(2),
                          rs.getFloat(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getTimestamp(6).toInstant()));
            });
    return shown;
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
