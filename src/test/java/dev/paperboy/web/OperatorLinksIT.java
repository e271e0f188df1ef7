package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One-time operator codes, kept in PostgreSQL: any instance on the database redeems them once. */
class OperatorLinksIT extends SharedApplicationTest {

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
    OperatorLinks links = new OperatorLinks(jdbcClient, new Hands());
    String code = links.issue();
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.SIGNED_IN);
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.USED);
    assertThat(links.redeem("other")).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
    assertThat(links.redeem(null)).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
  }

  @Test
  void aCodeExpiresAfterItsLifetimeAndIsForgottenLater() {
    Hands clock = new Hands();
    OperatorLinks links = new OperatorLinks(jdbcClient, clock);
    String code = links.issue();
    String other = links.issue();
    assertThat(links.issue()).isNotEqualTo(code);
    clock.now = NOW.plus(OperatorLinks.LIFETIME).plusSeconds(1);
    assertThat(links.redeem(code)).isEqualTo(OperatorLinks.Outcome.EXPIRED);
    clock.now = NOW.plus(OperatorLinks.LIFETIME.multipliedBy(2)).plus(Duration.ofMinutes(1));
    links.issue();
    assertThat(links.redeem(other)).isEqualTo(OperatorLinks.Outcome.UNKNOWN);
  }

  @Test
  void aLinkIssuedByOneInstanceWorksOnceAtAnother() {
    Hands clock = new Hands();
    String code = new OperatorLinks(jdbcClient, clock).issue();
    OperatorLinks other = new OperatorLinks(jdbcClient, clock);
    assertThat(other.redeem(code)).isEqualTo(OperatorLinks.Outcome.SIGNED_IN);
    assertThat(new OperatorLinks(jdbcClient, clock).redeem(code))
        .isEqualTo(OperatorLinks.Outcome.USED);
    assertThat(
            jdbcClient
                .sql("select count(*) from operator_link where code_hash = ?")
                .param(code)
                .query(Long.class)
                .single())
        .isZero();
  }
}
