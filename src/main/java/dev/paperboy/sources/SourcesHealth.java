package dev.paperboy.sources;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the live sources: "degraded" (not "down": the site still serves what it has) when a
 * source has failed {@link #REPEATED} times in a row.
 */
@Component("sources")
class SourcesHealth implements HealthIndicator {

  static final int REPEATED = 3;
  static final Status DEGRADED = new Status("DEGRADED", "a source keeps failing");

  private final Sync sync;

  SourcesHealth(Sync sync) {
    this.sync = sync;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    for (Sync.Status s : sync.statuses()) {
      health.withDetail(
          s.source(),
          s.state()
              + (s.lastError() == null || s.state().equals("ok") ? "" : ": " + s.lastError()));
      if (s.consecutiveFailures() >= REPEATED) {
        health.status(DEGRADED);
      }
    }
    return health.build();
  }
}
