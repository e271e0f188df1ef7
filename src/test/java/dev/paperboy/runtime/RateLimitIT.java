package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one rate-limit type: a bucket per key, kept in PostgreSQL and shared by every instance. */
class RateLimitIT extends SharedApplicationTest {

  @Autowired RateLimits limits;
  @Autowired DataSource dataSource;

  /** A limit of its own for each test: the database is shared with other tests. */
  private RateLimit limit(long permits, Duration period) {
    return limits.of("test-" + UUID.randomUUID(), permits, period);
  }

  @Test
  void aKeyRunsOutAtItsLimit() {
    RateLimit limit = limit(3, Duration.ofHours(1));
    assertThat(IntStream.range(0, 5).mapToObj(i -> limit.tryTake("10.0.0.1")))
        .containsExactly(true, true, true, false, false);
  }

  @Test
  void aRefusalSaysHowLongUntilTheNextPermitRefills() {
    RateLimit limit = limit(2, Duration.ofHours(1));
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
    RateLimit limit = limit(2, Duration.ofHours(1));
    limit.tryTake("10.0.0.1");
    limit.tryTake("10.0.0.1");
    assertThat(limit.tryTake("10.0.0.1")).isFalse();
    assertThat(limit.tryTake("10.0.0.2")).isTrue();
  }

  @Test
  void twoInstancesOnOneDatabaseTakeFromTheSameBucket() {
    String name = "test-" + UUID.randomUUID();
    // Two backends on the same database, as two instances would build them.
    RateLimit first = new RateLimits(dataSource).of(name, 3, Duration.ofHours(1));
    RateLimit second = new RateLimits(dataSource).of(name, 3, Duration.ofHours(1));
    assertThat(first.tryTake("10.0.0.1")).isTrue();
    assertThat(second.tryTake("10.0.0.1")).isTrue();
    assertThat(first.tryTake("10.0.0.1")).isTrue();
    assertThat(second.tryTake("10.0.0.1")).isFalse();
    assertThat(first.tryTake("10.0.0.1")).isFalse();
  }

  @Test
  void bucketsThatHaveRefilledAreDeleted() throws InterruptedException {
    String name = "test-" + UUID.randomUUID();
    RateLimit limit = limits.of(name, 1000, Duration.ofMillis(50));
    IntStream.range(0, 20).forEach(i -> limit.tryTake("client-" + i));
    assertThat(buckets(name)).isEqualTo(20);
    // One permit of a thousand refills in well under a millisecond; wait past it for certain.
    Thread.sleep(100);
    assertThat(limits.removeFull()).isGreaterThanOrEqualTo(20);
    assertThat(buckets(name)).isZero();
  }

  private long buckets(String name) {
    return jdbcClient
        .sql("select count(*) from rate_limit_bucket where id like ?")
        .param(name + ":%")
        .query(Long.class)
        .single();
  }
}
