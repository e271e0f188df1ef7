package dev.paperboy.sources;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for due sources every tick ({@code paperboy.sources.tick}); the claim itself happens in
 * PostgreSQL, so several instances can tick without running a source twice; then fills in the arXiv
 * categories that new papers lack. Off in commands.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "paperboy.sources.schedule", havingValue = "true")
class SyncSchedule implements SchedulingConfigurer {

  private final Sync sync;
  private final ArxivCategories categories;

  SyncSchedule(Sync sync, ArxivCategories categories) {
    this.sync = sync;
    this.categories = categories;
  }

  @Scheduled(
      initialDelayString = "${paperboy.sources.tick}",
      fixedDelayString = "${paperboy.sources.tick}")
  void tick() {
    sync.runDue();
    categories.runDue();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(3);
    scheduler.setThreadNamePrefix("paperboy-jobs-");
    scheduler.initialize();
    registrar.setTaskScheduler(scheduler);
  }
}
