package dev.paperboy.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit, such as "20 mails an hour per client": a token bucket per key, held in a bounded
 * cache so that many keys cannot grow it without end.
 *
 * <p>A bucket untouched for one period has refilled completely, so dropping it then loses nothing;
 * that is when it expires. Past {@code maxKeys} Caffeine evicts the buckets least likely to be used
 * again: a key pushed out starts over with a full bucket, which only a caller holding that many
 * distinct keys (real client addresses, see the web layer) can bring about.
 */
public final class RateLimit {

  static final long MAX_KEYS = 100_000;

  private final long permits;
  private final Duration period;
  private final Cache<String, Bucket> buckets;

  private RateLimit(long permits, Duration period, long maxKeys) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be 1 or more: " + permits);
    }
    this.permits = permits;
    this.period = Objects.requireNonNull(period, "period == null");
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(period)
            // Evict on the caller's thread, so the bound holds as soon as a call returns.
            .executor(Runnable::run)
            .build();
  }

  /** At most {@code permits} per key within any {@code period}, refilled gradually. */
  public static RateLimit of(long permits, Duration period) {
    return new RateLimit(permits, period, MAX_KEYS);
  }

  static RateLimit of(long permits, Duration period, long maxKeys) {
    return new RateLimit(permits, period, maxKeys);
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
    ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    // A refused probe may report 0 ns left when the refill is due this instant; say at least 1 ns.
    return probe.isConsumed()
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
  }

  /** How many keys are held now (after pending evictions). */
  long keys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(permits).refillGreedy(permits, period))
        .build();
  }
}
