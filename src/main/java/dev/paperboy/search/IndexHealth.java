package dev.paperboy.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far this instance's index lags behind the catalog, for the readiness probe and as metrics
 * ({@code paperboy.index.lag} in seconds, {@code paperboy.index.pending}). Out of service until the
 * first catch-up after start has ended. Then it stays up by default, whatever the lag: a bulk
 * import puts every instance behind at once, and taking them all out of the balancer would turn a
 * few seconds of stale search into an outage (seen: 72 s of 503 for a 200,000-paper import). An
 * operator who would rather take one lagging instance out sets {@code paperboy.index.max-lag}.
 */
@Component("index")
class IndexHealth implements HealthIndicator, MeterBinder {

  private final PaperIndex index;
  private final Duration maxLag;
  private final Clock clock;
  private final Instant started;

  IndexHealth(PaperIndex index, IndexSettings settings, Clock clock) {
    this.index = index;
    this.maxLag = settings.maxLag();
    this.clock = clock;
    this.started = clock.instant();
  }

  /** The index's lag at one moment, as the probe and the gauges report it. */
  record Lag(boolean caughtUp, long pending, Duration behind, long watermark) {}

  Lag lag() {
    PaperIndex.Applied applied = index.applied();
    if (applied == null) {
      return new Lag(false, -1, Duration.between(started, clock.instant()), -1);
    }
    long pending = index.pending(applied);
    // Nothing pending means nothing committed is missing, however long ago the last look was.
    Duration behind =
        pending == 0 ? Duration.ZERO : Duration.between(applied.asOf(), clock.instant());
    return new Lag(true, pending, behind, applied.watermark());
  }

  @Override
  public Health health() {
    return health(lag(), maxLag);
  }

  static Health health(Lag lag, Duration maxLag) {
    Health.Builder health =
        !lag.caughtUp()
            ? Health.outOfService().withDetail("state", "catching up after start")
            : !maxLag.isZero() && lag.behind().compareTo(maxLag) > 0 ? Health.down() : Health.up();
    return health
        .withDetail("pending", lag.pending())
        .withDetail("lagSeconds", lag.behind().toMillis() / 1000.0)
        .withDetail("watermark", lag.watermark())
        .build();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("paperboy.index.lag", this, h -> h.lag().behind().toMillis() / 1000.0)
        .baseUnit("seconds")
        .description("How long the oldest change the index has not applied has waited")
        .register(registry);
    Gauge.builder("paperboy.index.pending", this, h -> h.lag().pending())
        .description("Catalog changes the index has not applied yet")
        .register(registry);
  }
}
