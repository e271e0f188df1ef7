package dev.paperboy.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one-time codes of operator sign-in links, as Jupyter prints them: each works once, within
 * {@link #LIFETIME}. They live in this process only — a link is printed by, and redeemed at, the
 * server that made it — and a restart voids them all.
 */
@Component
class OperatorLinks {

  static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What happened to a code presented at the sign-in link. */
  enum Outcome {
    SIGNED_IN,
    USED,
    EXPIRED,
    UNKNOWN
  }

  private record Code(Instant expires, boolean used) {}

  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  OperatorLinks(Clock clock) {
    this.clock = clock;
  }

  String issue() {
    Instant now = clock.instant();
    // Used and expired codes are kept one lifetime longer, to say "used" rather than "unknown".
    codes.values().removeIf(c -> c.expires().plus(LIFETIME).isBefore(now));
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    codes.put(code, new Code(now.plus(LIFETIME), false));
    return code;
  }

  /** Spends the code: only the first caller within its lifetime is signed in. */
  Outcome redeem(String code) {
    Outcome[] outcome = {Outcome.UNKNOWN};
    codes.computeIfPresent(
        code == null ? "" : code,
        (k, c) -> {
          outcome[0] =
              c.used()
                  ? Outcome.USED
                  : c.expires().isBefore(clock.instant()) ? Outcome.EXPIRED : Outcome.SIGNED_IN;
          return new Code(c.expires(), true);
        });
    return outcome[0];
  }
}
