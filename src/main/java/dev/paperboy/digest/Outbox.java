package dev.paperboy.digest;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox: messages are written here in the transaction that causes them and
 * drained by the {@link Postman}. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances never send the same row at once.
 */
@Repository
public class Outbox {

  /** A message as stored; {@code htmlBody} and {@code unsubscribeUrl} may be null. */
  public record Message(
      long id,
      String messageId,
      String recipient,
      UUID subscriberId,
      String kind,
      String subject,
      String textBody,
      String htmlBody,
      String unsubscribeUrl,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {}

  /** A message about to be queued. */
  record Draft(
      String messageId,
      String recipient,
      UUID subscriberId,
      String kind,
      String subject,
      String textBody,
      String htmlBody,
      String unsubscribeUrl) {}

  /** A claim older than this belongs to a sender that died mid-send; the row is taken again. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final MeterRegistry meters;

  Outbox(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  long queue(Draft d) {
    return queueAll(List.of(d)).get(d.messageId());
  }

  /** Queues many messages in one statement; returns each one's id by its Message-ID. */
  Map<String, Long> queueAll(List<Draft> drafts) {
    Map<String, Long> ids = new HashMap<>();
    if (drafts.isEmpty()) {
      return ids;
    }
    drafts.forEach(d -> meters.counter("paperboy.mail.queued", "kind", d.kind()).increment());
    jdbc.sql(
            "insert into outbox (message_id, recipient, subscriber_id, kind, subject, text_body,"
                + " html_body, unsubscribe_url) select m, r, s::uuid, k, j, t, h, u from"
                + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) as x(m, r, s, k, j, t, h, u) returning id, message_id")
        .params(
            column(drafts, Draft::messageId),
            column(drafts, Draft::recipient),
            column(drafts, d -> d.subscriberId() == null ? null : d.subscriberId().toString()),
            column(drafts, Draft::kind),
            column(drafts, Draft::subject),
            column(drafts, Draft::textBody),
            column(drafts, Draft::htmlBody),
            column(drafts, Draft::unsubscribeUrl))
        .query(
            rs -> {
              ids.put(rs.getString(2), rs.getLong(1));
            });
    return ids;
  }

  private static String[] column(List<Draft> drafts, Function<Draft, String> field) {
    return drafts.stream().map(field).toArray(String[]::new);
  }

  /** How many messages went to this address in the last hour (for its rate limit). */
  int sentToRecently(String recipient) {
    return jdbc.sql(
            "select count(*) from outbox where lower(recipient) = lower(?)"
                + " and kind <> 'digest' and created_at > now() - interval '1 hour'")
        .param(recipient)
        .query(Integer.class)
        .single();
  }

  List<Message> claim(int limit) {
    return jdbc.sql(
            "update outbox set status = 'sending', claimed_at = now(),"
                + " attempts = attempts + 1 where id in (select id from outbox where"
                + " (status = 'queued' and next_attempt <= now()) or (status = 'sending' and"
                + " claimed_at < now() - make_interval(secs => ?)) order by id limit ?"
                + " for update skip locked) returning *")
        .params(STALE_CLAIM.toSeconds(), limit)
        .query(this::map)
        .list();
  }

  void sent(long id) {
    jdbc.sql(
            "update outbox set status = 'sent', sent_at = now(), last_error = null"
                + " where id = ?")
        .param(id)
        .update();
  }

  void retryLater(long id, String error, Instant at) {
    jdbc.sql(
            "update outbox set status = 'queued', last_error = ?, next_attempt = ?"
                + " where id = ?")
        .params(error, Timestamp.from(at), id)
        .update();
  }

  void failed(long id, String error) {
    jdbc.sql("update outbox set status = 'failed', last_error = ? where id = ?")
        .params(error, id)
        .update();
  }

  public List<Message> recent(int limit) {
    return jdbc.sql("select * from outbox order by id desc limit ?")
        .param(limit)
        .query(this::map)
        .list();
  }

  public Optional<Message> find(long id) {
    return jdbc.sql("select * from outbox where id = ?").param(id).query(this::map).optional();
  }

  private Message map(ResultSet rs, int row) throws SQLException {
    return new Message(
        rs.getLong("id"),
        rs.getString("message_id"),
        rs.getString("recipient"),
        rs.getObject("subscriber_id", UUID.class),
        rs.getString("kind"),
        rs.getString("subject"),
        rs.getString("text_body"),
        rs.getString("html_body"),
        rs.getString("unsubscribe_url"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
  }
}
