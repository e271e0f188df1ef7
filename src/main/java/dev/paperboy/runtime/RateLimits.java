package dev.paperboy.runtime;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where rate limits keep their buckets: Bucket4j's PostgreSQL backend, so a limit holds across
 * every instance on one database, the embedded one included (one definition, whatever the
 * deployment).
 */
@Component
public class RateLimits {

  /** Expired buckets deleted per statement, so one cleanup never holds many row locks. */
  static final int CLEANUP_BATCH = 1000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  RateLimits(DataSource dataSource) {
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // A bucket is forgotten once it would be full again: a fresh one says the same.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build();
  }

  /** At most {@code permits} per key within any {@code period}, refilled gradually. */
  public RateLimit of(String name, long permits, Duration period) {
    return new RateLimit(name, permits, period, buckets);
  }

  /** Deletes the buckets that have refilled completely; returns how many. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  public int removeFull() {
    int removed = 0;
    int batch;
    while ((batch = buckets.removeExpired(CLEANUP_BATCH)) > 0) {
      removed += batch;
    }
    return removed;
  }
}
