package dev.paperboy.foryou;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes readers' models every {@code paperboy.for-you.refresh-every}: background work of a
 * serving process, off in commands and tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "paperboy.background-jobs", havingValue = "true")
class ForYouSchedule {

  private final ModelRefresh refresh;

  ForYouSchedule(ModelRefresh refresh) {
    this.refresh = refresh;
  }

  @Scheduled(
      initialDelayString = "${paperboy.for-you.refresh-every}",
      fixedDelayString = "${paperboy.for-you.refresh-every}")
  void refresh() {
    refresh.run();
  }
}
