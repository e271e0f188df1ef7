package dev.paperboy.foryou;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a reader's password for scripts, which acts as that reader on the JSON API
 * (never on operator surfaces). Only a SHA-256 hash is stored; the token is shown once, when made.
 * Revoked tokens stay listed nowhere and work nowhere.
 */
@Service
public class ApiTokens {

  /** Every token starts so, so a leaked one is easy to recognise (and to search for). */
  static final String PREFIX = "pbt_";

  static final int MAX_NAME = 100;
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token just made: the only time its value is known. */
  public record Issued(UUID id, String name, String token) {}

  /** A live token as its owner sees it listed: never its value. */
  public record Listed(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}

  private final JdbcClient jdbc;

  ApiTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new token for the reader; a blank name reads "API token". */
  public Issued create(UUID reader, String name) {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String label = label(name);
    UUID id =
        jdbc.sql(
                "insert into api_token (subscriber_id, name, token_hash) values (?, ?, ?)"
                    + " returning id")
            .params(reader, label, hash(token))
            .query(UUID.class)
            .single();
    return new Issued(id, label, token);
  }

  /** The reader's live tokens, newest first. */
  public List<Listed> of(UUID reader) {
    return jdbc.sql(
            "select id, name, created_at, last_used_at from api_token"
                + " where subscriber_id = ? and revoked_at is null order by created_at desc, id")
        .param(reader)
        .query(
            (rs, row) ->
                new Listed(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    instant(rs.getTimestamp(4))))
        .list();
  }

  /** Revokes one of the reader's tokens; false when they have no such live token. */
  public boolean revoke(UUID reader, UUID token) {
    return jdbc.sql(
                "update api_token set revoked_at = now() where id = ? and subscriber_id = ?"
                    + " and revoked_at is null")
            .params(token, reader)
            .update()
        == 1;
  }

  /** Revokes every live token of the reader; how many there were. */
  public int revokeAll(UUID reader) {
    return jdbc.sql(
            "update api_token set revoked_at = now() where subscriber_id = ?"
                + " and revoked_at is null")
        .param(reader)
        .update();
  }

  /**
   * The reader a live token acts for, noting when it was last used (to the minute, so a busy script
   * does not write on every call). In a transaction of its own: a caller in a read-only transaction
   * may still ask.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<UUID> reader(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    Optional<UUID> reader =
        jdbc.sql("select subscriber_id from api_token where token_hash = ? and revoked_at is null")
            .param(hash(token))
            .query(UUID.class)
            .optional();
    reader.ifPresent(
        r ->
            jdbc.sql(
                    "update api_token set last_used_at = now() where token_hash = ? and"
                        + " (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param(hash(token))
                .update());
    return reader;
  }

  /** A name for the list: one line, control characters dropped, at most 100 characters. */
  static String label(String name) {
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
    if (clean.isEmpty()) {
      return "API token";
    }
    return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
  }

  /**
   * SHA-256, unsalted: the token is 256 random bits, so no dictionary or rainbow table reaches it,
   * and an exact hash lets the database find it by index.
   */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
