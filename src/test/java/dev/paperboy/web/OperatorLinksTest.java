package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OperatorLinksTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  /** A clock the test moves by hand. */
  private static final class Hands extends Clock {
    Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aCodeWorksOnceThenSaysItWasUsed() {
    OperatorLinks links = new OperatorLinks(new Hands());
    String code = links.issue();
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.SIGNED_IN);
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.USED);
    assertThat(links.redeem("other")).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
    assertThat(links.redeem(null)).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
  }

  @Test
  void aCodeExpiresAfterItsLifetimeAndIsForgottenLater() {
    Hands clock = new Hands();
    OperatorLinks links = new OperatorLinks(clock);
    String code = links.issue();
    String other = links.issue();
    assertThat(links.issue()).isNotEqualTo(code);
    clock.now = NOW.plus(OperatorLinks.LIFETIME).plusSeconds(1);
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.EXPIRED);
    clock.now = NOW.plus(OperatorLinks.LIFETIME.multipliedBy(2)).plus(Duration.ofMinutes(1));
    links.issue();
    assertThat(links.redeem(other)).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
  }
}
