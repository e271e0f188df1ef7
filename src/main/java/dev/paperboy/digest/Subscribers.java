package dev.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscribers in PostgreSQL. */
@Repository
class Subscribers {

  private final JdbcClient jdbc;

  Subscribers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Subscriber> byEmail(String email) {
    return jdbc.sql("select * from subscriber where email_key = ?")
        .param(email.toLowerCase(Locale.ROOT))
        .query(this::map)
        .optional();
  }

  Optional<Subscriber> byId(UUID id) {
    return jdbc.sql("select * from subscriber where id = ?").param(id).query(this::map).optional();
  }

  /** The subscriber for this address, created pending when new. */
  Subscriber pending(String email, List<String> topics, String zone) {
    jdbc.sql(
            "insert into subscriber (email, email_key, topics, zone) values (?, ?, ?, ?)"
                + " on conflict (email_key) do nothing")
        .params(email, email.toLowerCase(Locale.ROOT), topics.toArray(String[]::new), zone)
        .update();
    return byEmail(email).orElseThrow();
  }

  void status(UUID id, String status) {
    jdbc.sql(
            "update subscriber set status = ?, confirmed_at = case when ? = 'confirmed'"
                + " then coalesce(confirmed_at, now()) else confirmed_at end, bounces = case when ?"
                + " = 'confirmed' then 0 else bounces end where id = ?")
        .params(status, status, status, id)
        .update();
  }

  void preferences(UUID id, List<String> topics, String cadence, int hour, String zone) {
    jdbc.sql("update subscriber set topics = ?, cadence = ?, hour = ?, zone = ? where id = ?")
        .params(topics.toArray(String[]::new), cadence, hour, zone, id)
        .update();
  }

  /** Counts a permanent rejection; at the limit the address is marked bouncing. */
  void bounced(UUID id, int limit) {
    jdbc.sql(
            "update subscriber set bounces = bounces + 1, status = case when bounces + 1 >= ?"
                + " then 'bouncing' else status end where id = ?")
        .params(limit, id)
        .update();
  }

  List<Subscriber> confirmed() {
    return jdbc.sql("select * from subscriber where status = 'confirmed' order by id")
        .query(this::map)
        .list();
  }

  private Subscriber map(ResultSet rs, int row) throws SQLException {
    return new Subscriber(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("status"),
        Arrays.asList((String[]) rs.getArray("topics").getArray()),
        rs.getString("cadence"),
        rs.getInt("hour"),
        rs.getString("zone"),
        rs.getInt("bounces"),
        rs.getTimestamp("confirmed_at") == null
            ? null
            : rs.getTimestamp("confirmed_at").toInstant());
  }
}
