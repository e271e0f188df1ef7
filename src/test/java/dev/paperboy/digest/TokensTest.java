package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.runtime.SigningKeyProbe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  @Test
  void aTokenCarriesItsSerialSignedWithIt() {
    String token = at(NOW).issue(Tokens.Purpose.SIGN_IN, who, 7);
    assertThat(at(NOW).claim(token, Tokens.Purpose.SIGN_IN)).contains(new Tokens.Claim(who, 7));
    String payload =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    String raised =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replaceAll("\\.7$", ".8").getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));
    assertThat(at(NOW).claim(raised, Tokens.Purpose.SIGN_IN)).isEmpty();
  }

  /** Unsubscribe links in letters sent before serials existed must keep working. */
  @Test
  void aTokenWithoutASerialReadsAsSerialZero() throws Exception {
    long expires = NOW.plus(Duration.ofDays(1)).getEpochSecond();
    String payload = "UNSUBSCRIBE." + who + "." + expires;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SigningKeyProbe.of("test secret").bytes(), "HmacSHA256"));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String old =
        b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    assertThat(at(NOW).claim(old, Tokens.Purpose.UNSUBSCRIBE)).contains(new Tokens.Claim(who, 0));
  }

  @Test
  void aTokenAboutSomethingSaysWhatAndKeepsItSigned() {
    String token = at(NOW).issue(Tokens.Purpose.FEEDBACK, who, "up arxiv:hep-th/9901001");
    assertThat(at(NOW).about(token, Tokens.Purpose.FEEDBACK))
        .contains(new Tokens.About(who, "up arxiv:hep-th/9901001"));
    assertThat(at(NOW).about(token, Tokens.Purpose.UNSUBSCRIBE)).isEmpty();
    // One kind of token does not pass for the other.
    assertThat(at(NOW).claim(token, Tokens.Purpose.FEEDBACK)).isEmpty();
    assertThat(at(NOW).about(at(NOW).issue(Tokens.Purpose.FEEDBACK, who), Tokens.Purpose.FEEDBACK))
        .isEmpty();
    String payload =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    String down =
        payload.substring(0, payload.lastIndexOf('.') + 1)
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("down arxiv:hep-th/9901001".getBytes(StandardCharsets.UTF_8));
    String swapped =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(down.getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));
    assertThat(at(NOW).about(swapped, Tokens.Purpose.FEEDBACK)).isEmpty();
  }

  @Test
  void aFeedbackTokenLastsAMonth() {
    String token = at(NOW).issue(Tokens.Purpose.FEEDBACK, who, "down doi:10.1000/x.y");
    assertThat(at(NOW.plus(Duration.ofDays(29))).about(token, Tokens.Purpose.FEEDBACK)).isPresent();
    assertThat(at(NOW.plus(Duration.ofDays(31))).about(token, Tokens.Purpose.FEEDBACK)).isEmpty();
  }
}
