package dev.paperboy.foryou;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Refreshes readers' models every {@code paperboy.for-you.refresh-every}: background work of a
 * serving process, off in commands and tests. A round runs on a thread of its own, since it may
 * take seconds (milliseconds a reader, up to {@link ModelRefresh#ROUND} readers) and the
 * scheduler's thread also sends mail; a round still running when the next is due is let finish.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "paperboy.background-jobs", havingValue = "true")
class ForYouSchedule {

  private final ModelRefresh refresh;
  private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

  ForYouSchedule(ModelRefresh refresh) {
    this.refresh = refresh;
    worker.setCorePoolSize(1);
    worker.setMaxPoolSize(1);
    worker.setQueueCapacity(0);
    worker.setThreadNamePrefix("for-you-refresh-");
    worker.setDaemon(true);
    worker.initialize();
  }

  @Scheduled(
      initialDelayString = "${paperboy.for-you.refresh-every}",
      fixedDelayString = "${paperboy.for-you.refresh-every}")
  void refresh() {
    try {
      worker.execute(refresh::run);
    } catch (TaskRejectedException stillRunning) {
      // The last round goes on; the next tick looks again.
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdown();
  }
}
