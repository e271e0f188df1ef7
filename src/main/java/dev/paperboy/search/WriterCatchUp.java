package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.CatalogWritesDone;
import dev.paperboy.catalog.CatalogWritten;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a writer in this process (an import, a sync) needs from search: its papers embedded as it
 * goes, one batch behind its catalog writes (while a batch is embedded, the next is parsed and
 * written; at most one waits, so memory stays bounded), and, when it ends, this instance's index
 * caught up, so that whoever called the writer finds what it wrote.
 */
@Component
class WriterCatchUp implements AutoCloseable {

  private final Catalog catalog;
  private final Vectors vectors;
  private final PaperIndex index;
  private final ObjectProvider<EmbeddingBackfill> backfill;
  private final boolean follow;
  private final ExecutorService embedder = DaemonThreads.pool("import-embedder", 1);
  private Future<?> pending;

  WriterCatchUp(
      Catalog catalog,
      Vectors vectors,
      PaperIndex index,
      ObjectProvider<EmbeddingBackfill> backfill,
      IndexSettings settings) {
    this.follow = settings.follow();
    this.catalog = catalog;
    this.vectors = vectors;
    this.index = index;
    this.backfill = backfill;
  }

  @EventListener
  synchronized void written(CatalogWritten written) {
    if (written.embed()) {
      drain();
      pending = embedder.submit(() -> vectors.of(catalog.findAll(written.papers())));
    }
  }

  @EventListener
  synchronized void done(CatalogWritesDone done) {
    try {
      drain();
    } finally {
      if (!done.embedded()) {
        backfill.ifAvailable(EmbeddingBackfill::request);
      }
      if (follow) {
        index.catchUp();
      }
    }
  }

  /** Waits for the batch being embedded, if any; its failure is the writer's. */
  private void drain() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pending = null;
    }
  }

  @Override
  public void close() {
    embedder.shutdownNow();
  }
}
