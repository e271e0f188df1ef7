package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.runtime.SigningKeyProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private final UUID who = UUID.randomUUID();

  private static Tokens at(Instant when) {
    return new Tokens(SigningKeyProbe.of("test secret"), Clock.fixed(when, ZoneOffset.UTC));
  }

  @Test
  void aGenuineTokenNamesItsSubjectForItsPurposeOnly() {
    String token = at(NOW).issue(Tokens.Purpose.CONFIRM, who);
    assertThat(at(NOW).verify(token, Tokens.Purpose.CONFIRM)).contains(who);
    assertThat(at(NOW).verify(token, Tokens.Purpose.UNSUBSCRIBE)).isEmpty();
    assertThat(token).doesNotContain("@");
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = at(NOW).issue(Tokens.Purpose.SIGN_IN, who);
    assertThat(at(NOW.plus(Duration.ofMinutes(29))).verify(token, Tokens.Purpose.SIGN_IN))
        .contains(who);
    assertThat(at(NOW.plus(Duration.ofMinutes(31))).verify(token, Tokens.Purpose.SIGN_IN))
        .isEmpty();
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    String token = at(NOW).issue(Tokens.Purpose.CONFIRM, who);
    String otherSubject = at(NOW).issue(Tokens.Purpose.CONFIRM, UUID.randomUUID());
    String spliced =
        token.substring(0, token.indexOf('.')) + otherSubject.substring(otherSubject.indexOf('.'));
    assertThat(at(NOW).verify(spliced, Tokens.Purpose.CONFIRM)).isEmpty();
    assertThat(at(NOW).verify(token + "x", Tokens.Purpose.CONFIRM)).isEmpty();
    assertThat(at(NOW).verify("garbage", Tokens.Purpose.CONFIRM)).isEmpty();
    assertThat(at(NOW).verify(null, Tokens.Purpose.CONFIRM)).isEmpty();
    Tokens otherKey =
        new Tokens(SigningKeyProbe.of("another secret"), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(otherKey.verify(token, Tokens.Purpose.CONFIRM)).isEmpty();
  }
}
