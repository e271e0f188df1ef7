package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one rate-limit type: a bucket per key, in a cache that stays within its bound. */
class RateLimitTest {

  @Test
  void aKeyRunsOutAtItsLimit() {
    RateLimit limit = RateLimit.of(3, Duration.ofHours(1));
    assertThat(IntStream.range(0, 5).mapToObj(i -> limit.tryTake("10.0.0.1")))
        .containsExactly(true, true, true, false, false);
  }

  @Test
  void aRefusalSaysHowLongUntilTheNextPermitRefills() {
    RateLimit limit = RateLimit.of(2, Duration.ofHours(1));
    assertThat(limit.take("10.0.0.1")).isZero();
    assertThat(limit.take("10.0.0.1")).isZero();
    // Two an hour refill one every half hour, counted from the first take just now.
    assertThat(limit.take("10.0.0.1"))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(30))
        .isGreaterThan(Duration.ofMinutes(29));
  }

  @Test
  void twoClientsDoNotShareABucket() {
    RateLimit limit = RateLimit.of(2, Duration.ofHours(1));
    limit.tryTake("10.0.0.1");
    limit.tryTake("10.0.0.1");
    assertThat(limit.tryTake("10.0.0.1")).isFalse();
    assertThat(limit.tryTake("10.0.0.2")).isTrue();
  }

  @Test
  void manyDistinctClientsDoNotGrowTheStatePastItsBound() {
    RateLimit limit = RateLimit.of(5, Duration.ofHours(1), 1_000);
    for (int i = 0; i < 50_000; i++) {
      limit.tryTake("client-" + i);
      assertThat(limit.keys()).isLessThanOrEqualTo(1_000);
    }
    assertThat(limit.keys()).isGreaterThan(0);
  }

  @Test
  void theDefaultBoundIsTheOneDocumented() {
    assertThat(RateLimit.MAX_KEYS).isEqualTo(100_000);
  }
}
