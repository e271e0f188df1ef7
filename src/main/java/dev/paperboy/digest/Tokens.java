package dev.paperboy.digest;

import dev.paperboy.runtime.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring, single-purpose tokens for links and cookies: {@code
 * purpose.subject.expiry.serial[.about]} with an HMAC-SHA256. A token made for confirming cannot
 * unsubscribe, and no token carries an email address. The serial lets the subscriber's row say
 * which link is the current one (a link used once, or replaced, stops working); tokens made before
 * serials existed have none and read as serial 0. {@code about} (base64url) names what a token acts
 * on beyond its subject, such as the paper and the signal of a digest's feedback link.
 */
@Component
public class Tokens {

  /** What a token may be used for, and for how long. */
  public enum Purpose {
    CONFIRM(Duration.ofDays(7)),
    SIGN_IN(Duration.ofMinutes(30)),
    SESSION(Duration.ofDays(30)),
    MANAGE(Duration.ofDays(30)),
    UNSUBSCRIBE(Duration.ofDays(365)),
    /** A digest's 👍, 👎 or "not interested" link: good for a month of letters. */
    FEEDBACK(Duration.ofDays(30)),
    /** The operator's browser session, after a one-time sign-in link: a working day. */
    OPERATOR(Duration.ofHours(8));

    final Duration lifetime;

    Purpose(Duration lifetime) {
      this.lifetime = lifetime;
    }

    /** How long a token of this purpose stays valid, and so how long its cookie may live. */
    public Duration lifetime() {
      return lifetime;
    }
  }

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Clock clock;

  public Tokens(SigningKey key, Clock clock) {
    this.key = new SecretKeySpec(key.bytes(), "HmacSHA256");
    this.clock = clock;
  }

  /** What a genuine token says: whom it is for, and which of their links it is. */
  public record Claim(UUID subject, long serial) {}

  public String issue(Purpose purpose, UUID subject) {
    return issue(purpose, subject, 0);
  }

  public String issue(Purpose purpose, UUID subject, long serial) {
    long expires = clock.instant().plus(purpose.lifetime).getEpochSecond();
    return signed(purpose.name() + "." + subject + "." + expires + "." + serial);
  }

  /** A token about something besides its subject; {@link #about} reads it back. */
  public String issue(Purpose purpose, UUID subject, String about) {
    if (about.isEmpty()) {
      throw new IllegalArgumentException("about is empty");
    }
    long expires = clock.instant().plus(purpose.lifetime).getEpochSecond();
    String encoded = B64.encodeToString(about.getBytes(StandardCharsets.UTF_8));
    return signed(purpose.name() + "." + subject + "." + expires + ".0." + encoded);
  }

  /** What a genuine token made by {@link #issue(Purpose, UUID, String)} is about. */
  public record About(UUID subject, String about) {}

  /** The subject and what the token is about, when genuine, unexpired, of this purpose. */
  public Optional<About> about(String token, Purpose purpose) {
    return payload(token, purpose)
        .filter(parts -> parts.length == 5)
        .map(
            parts ->
                new About(
                    UUID.fromString(parts[1]),
                    new String(Base64.getUrlDecoder().decode(parts[4]), StandardCharsets.UTF_8)));
  }

  private String signed(String payload) {
    return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
  }

  /** The subject, when the token is genuine, unexpired and made for this purpose. */
  public Optional<UUID> verify(String token, Purpose purpose) {
    return claim(token, purpose).map(Claim::subject);
  }

  /** The claim, when the token is genuine, unexpired and made for this purpose. */
  public Optional<Claim> claim(String token, Purpose purpose) {
    return payload(token, purpose)
        .filter(parts -> parts.length <= 4)
        .map(
            parts ->
                new Claim(
                    UUID.fromString(parts[1]), parts.length == 4 ? Long.parseLong(parts[3]) : 0));
  }

  /**
   * The payload's parts, when the signature is ours, the purpose this one and the expiry ahead; the
   * subject and serial parse (anything malformed reads as no token at all).
   */
  private Optional<String[]> payload(String token, Purpose purpose) {
    try {
      int dot = token == null ? -1 : token.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      String payload =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      String[] parts = payload.split("\\.");
      if (parts.length < 3
          || parts.length > 5
          || !parts[0].equals(purpose.name())
          || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      UUID.fromString(parts[1]);
      if (parts.length >= 4) {
        Long.parseLong(parts[3]);
      }
      if (parts.length == 5) {
        Base64.getUrlDecoder().decode(parts[4]);
      }
      return Optional.of(parts);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
