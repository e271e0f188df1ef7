package dev.paperboy.search;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In a serving process, embeds in the background the papers imported without vectors ({@code import
 * --no-embeddings}): once at start, and again whenever such an import finishes. Until a paper's
 * turn comes it is found by its words only. One run at a time in this process, and across instances
 * (see {@link MissingVectors}); a request during a run makes it go round once more.
 */
@Component
@ConditionalOnProperty(name = "paperboy.background-jobs", havingValue = "true")
class EmbeddingBackfill implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddingBackfill.class);

  private final MissingVectors missing;
  private final ExecutorService worker = DaemonThreads.pool("embedding-backfill", 1);
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean closing;

  private final boolean enabled;

  EmbeddingBackfill(MissingVectors missing, SearchSettings settings) {
    this.missing = missing;
    this.enabled = settings.backfill();
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    request();
  }

  /** Asks for a run; returns at once. */
  void request() {
    if (enabled && queued.compareAndSet(false, true)) {
      worker.execute(this::run);
    }
  }

  private void run() {
    queued.set(false);
    try {
      long embedded =
          missing.embed(
              n -> {
                if (closing) {
                  throw new CancellationException("the application is stopping");
                }
                if (n % 10_000 == 0) {
                  log.info("  {} papers embedded in the background", n);
                }
              });
      if (embedded > 0) {
        log.info("Embedded {} papers that were imported without vectors", embedded);
      }
    } catch (RuntimeException e) {
      log.warn("Background embedding stopped: {}", e.toString());
    }
  }

  /**
   * Stops after the chunk being embedded, without an interrupt: the run ends by catching the index
   * up, and an interrupt during Lucene's file I/O closes the index under every other thread.
   */
  @Override
  public void close() {
    closing = true;
    worker.shutdown();
  }
}
