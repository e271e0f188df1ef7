package dev.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their digest settings in PostgreSQL. */
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

  void preferences(
      UUID id, boolean digest, List<String> topics, String cadence, int hour, String zone) {
    jdbc.sql(
            "update subscriber set digest = ?, topics = ?, cadence = ?, hour = ?, zone = ?"
                + " where id = ?")
        .params(digest, topics.toArray(String[]::new), cadence, hour, zone, id)
        .update();
  }

  void digest(UUID id, boolean on) {
    jdbc.sql("update subscriber set digest = ? where id = ?").params(on, id).update();
  }

  /** Counts a permanent rejection; at the limit the address is marked bouncing. */
  void bounced(UUID id, int limit) {
    jdbc.sql(
            "update subscriber set bounces = bounces + 1, status = case when bounces + 1 >= ?"
                + " then 'bouncing' else status end where id = ?")
        .params(limit, id)
        .update();
  }

  /** Moves the link serial on, so every link sent before reads as used; the new serial. */
  long newLink(UUID id) {
    return jdbc.sql(
            "update subscriber set link_serial = link_serial + 1 where id = ? returning link_serial")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** Uses the link with this serial, once: false when it was used or replaced already. */
  boolean useLink(UUID id, long serial) {
    return jdbc.sql(
                "update subscriber set link_serial = link_serial + 1 where id = ? and link_serial = ?")
            .params(id, serial)
            .update()
        == 1;
  }

  /** A new signed-in session until {@code expires}; drops sessions that have expired. */
  UUID openSession(UUID subscriber, Instant expires) {
    jdbc.sql("delete from reader_session where expires_at < now()").update();
    return jdbc.sql(
            "insert into reader_session (subscriber_id, expires_at) values (?, ?) returning id")
        .params(subscriber, Timestamp.from(expires))
        .query(UUID.class)
        .single();
  }

  Optional<Subscriber> bySession(UUID session) {
    return jdbc.sql(
            "select s.* from subscriber s join reader_session r on r.subscriber_id = s.id"
                + " where r.id = ? and r.expires_at > now()")
        .param(session)
        .query(this::map)
        .optional();
  }

  void closeSession(UUID session) {
    jdbc.sql("delete from reader_session where id = ?").param(session).update();
  }

  /** Ends every session, and voids every emailed link that signs in, sent before now. */
  void closeAllSessions(UUID subscriber) {
    jdbc.sql("delete from reader_session where subscriber_id = ?").param(subscriber).update();
    jdbc.sql(
            "update subscriber set manage_serial = manage_serial + 1,"
                + " link_serial = link_serial + 1 where id = ?")
        .param(subscriber)
        .update();
  }

  /**
   * Those receiving digests whose ids fall in {@code [from, until)}; no {@code until}: to the end.
   */
  List<Subscriber> receivingDigests(UUID from, UUID until) {
    return jdbc.sql(
            "select * from subscriber where status = 'confirmed' and digest and id >= ?"
                + " and (?::uuid is null or id < ?::uuid) order by id")
        .params(from, until, until)
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
            : rs.getTimestamp("confirmed_at").toInstant(),
        rs.getLong("manage_serial"),
        rs.getBoolean("digest"));
  }
}
