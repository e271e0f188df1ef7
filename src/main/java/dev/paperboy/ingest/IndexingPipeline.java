package dev.paperboy.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One import's indexing, one batch behind its catalog writes: while a batch is indexed (and perhaps
 * embedded) on the indexer thread, the next is parsed and written to PostgreSQL. At most one batch
 * waits, so memory stays bounded; batches are indexed in the order they were stored. A failure
 * surfaces at the next submit or at {@link #drain}.
 */
final class IndexingPipeline {

  private final ExecutorService indexer;
  private Future<?> pending;

  IndexingPipeline(ExecutorService indexer) {
    this.indexer = indexer;
  }

  void submit(Runnable indexing) {
    drain();
    pending = indexer.submit(indexing);
  }

  /** Waits for the batch being indexed, if any. */
  void drain() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("indexing failed", e.getCause());
    } finally {
      pending = null;
    }
  }
}
