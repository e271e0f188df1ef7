package dev.paperboy.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time codes of operator sign-in links, as Jupyter prints them: each works once, within
 * {@link #LIFETIME}. They are kept in PostgreSQL, so a link printed by one instance works at any
 * instance on the same database; only their hashes are stored.
 */
@Component
public class OperatorLinks {

  static final Duration LIFETIME = Duration.ofMinutes(15);
  static final String SIGN_IN = "/operator/signin?code=";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What happened to a code presented at the sign-in link. */
  enum Outcome {
    SIGNED_IN,
    USED,
    EXPIRED,
    UNKNOWN
  }

  private record Code(Instant expires, boolean used) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  OperatorLinks(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A new one-time sign-in link on the site at {@code siteUrl}; any instance on this database
   * accepts it once within {@link #LIFETIME}.
   */
  public String link(String siteUrl) {
    return siteUrl + SIGN_IN + issue();
  }

  String issue() {
    Instant now = clock.instant();
    // Used and expired codes are kept one lifetime longer, to say "used" rather than "unknown".
    jdbc.sql("delete from operator_link where expires_at < ?")
        .param(Timestamp.from(now.minus(LIFETIME)))
        .update();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("insert into operator_link (code_hash, expires_at) values (?, ?)")
        .params(hash(code), Timestamp.from(now.plus(LIFETIME)))
        .update();
    return code;
  }

  /** Spends the code: only the first caller within its lifetime, on any instance, is signed in. */
  Outcome redeem(String code) {
    if (code == null) {
      return Outcome.UNKNOWN;
    }
    Timestamp now = Timestamp.from(clock.instant());
    boolean spent =
        jdbc.sql(
                    "update operator_link set used_at = ? where code_hash = ? and used_at is null"
                        + " and expires_at >= ?")
                .params(now, hash(code), now)
                .update()
            == 1;
    if (spent) {
      return Outcome.SIGNED_IN;
    }
    return find(code).map(c -> c.used() ? Outcome.USED : Outcome.EXPIRED).orElse(Outcome.UNKNOWN);
  }

  private Optional<Code> find(String code) {
    return jdbc.sql("select expires_at, used_at from operator_link where code_hash = ?")
        .param(hash(code))
        .query(
            (rs, row) ->
                new Code(
                    rs.getTimestamp("expires_at").toInstant(), rs.getObject("used_at") != null))
        .optional();
  }

  /** Codes are 256 random bits, so a plain hash is as hard to reverse as the code is to guess. */
  private static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
