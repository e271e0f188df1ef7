package dev.paperboy.runtime;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit, such as "20 mails an hour per client": a token bucket per key, kept in PostgreSQL
 * (see {@link RateLimits}) so that every instance on one database takes from the same bucket.
 */
public final class RateLimit {

  private final String name;
  private final BucketConfiguration configuration;
  private final ProxyManager<String> buckets;

  RateLimit(String name, long permits, Duration period, ProxyManager<String> buckets) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be 1 or more: " + permits);
    }
    Objects.requireNonNull(period, "period == null");
    this.name = Objects.requireNonNull(name, "name == null");
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(permits).refillGreedy(permits, period))
            .build();
    this.buckets = buckets;
  }

  /** Takes one permit for this key; false when its bucket is empty. */
  public boolean tryTake(String key) {
    return take(key).isZero();
  }

  /**
   * Takes one permit for this key: zero when it got one, else how long until the next refills (what
   * a {@code Retry-After} header should say), taking nothing.
   */
  public Duration take(String key) {
    Objects.requireNonNull(key, "key == null");
    ConsumptionProbe probe =
        buckets.builder().build(name + ":" + key, configuration).tryConsumeAndReturnRemaining(1);
    // A refused probe may report 0 ns left when the refill is due this instant; say at least 1 ns.
    return probe.isConsumed()
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
  }
}
