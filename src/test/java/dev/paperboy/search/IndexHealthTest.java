package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class IndexHealthTest {

  private static final Duration MAX = Duration.ofSeconds(60);

  @Test
  void anIndexStillCatchingUpAfterStartIsOutOfService() {
    Health health =
        IndexHealth.health(new IndexHealth.Lag(false, -1, Duration.ofSeconds(1), -1), MAX);
    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
  }

  @Test
  void aLagWithinTheBoundIsUpSoASteadyImportDoesNotFlapIt() {
    Health health =
        IndexHealth.health(new IndexHealth.Lag(true, 500, Duration.ofSeconds(59), 7), MAX);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("pending", 500L)
        .containsEntry("lagSeconds", 59.0)
        .containsEntry("watermark", 7L);
  }

  @Test
  void aLagPastTheBoundIsDown() {
    Health health =
        IndexHealth.health(new IndexHealth.Lag(true, 3, Duration.ofSeconds(61), 7), MAX);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void byDefaultAnyLagAfterTheFirstCatchUpStaysUpSoABulkImportEmptiesNoBalancer() {
    Health health =
        IndexHealth.health(
            new IndexHealth.Lag(true, 200_000, Duration.ofMinutes(5), 7), Duration.ZERO);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("pending", 200_000L);
  }
}
