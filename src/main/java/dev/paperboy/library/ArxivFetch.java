package dev.paperboy.library;

import dev.paperboy.sources.SourceUnavailable;
import dev.paperboy.sources.Sync;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the papers of a reader's unmatched entries that carry an arXiv id from the arXiv API,
 * after the import has answered: through the one arXiv client and its pace ({@link Sync}), one
 * reader at a time. Each paper that came is imported into the catalog, saved to the library and no
 * longer listed; an id arXiv does not know becomes not-found; if arXiv cannot be reached the
 * entries become fetch-failed, to be fetched again by the next import that names them.
 */
@Component
class ArxivFetch implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ArxivFetch.class);

  private final Sync sync;
  private final LibraryRows rows;
  private final CatalogMatch match;
  private final TransactionTemplate transaction;
  // One thread: arXiv takes one request every few seconds from us anyway.
  private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();

  ArxivFetch(Sync sync, LibraryRows rows, CatalogMatch match, TransactionTemplate transaction) {
    this.sync = sync;
    this.rows = rows;
    this.match = match;
    this.transaction = transaction;
    worker.setCorePoolSize(1);
    worker.setMaxPoolSize(1);
    worker.setThreadNamePrefix("library-fetch-");
    worker.setDaemon(true);
    worker.initialize();
  }

  /** Fetches the reader's waiting entries in the background. */
  void later(UUID reader) {
    worker.execute(() -> fetch(reader));
  }

  void fetch(UUID reader) {
    List<String> ids = rows.fetching(reader);
    if (ids.isEmpty()) {
      return;
    }
    try {
      log.info("Fetched {} library entries from the arXiv API: {}", ids.size(), sync.arxivApi(ids));
    } catch (SourceUnavailable e) {
      log.warn("Library entries could not be fetched from arXiv: {}", e.getMessage());
      rows.fetched(reader, ids, Unmatched.Status.FETCH_FAILED);
      return;
    } catch (RuntimeException e) {
      log.error("Fetching library entries failed", e);
      rows.fetched(reader, ids, Unmatched.Status.FETCH_FAILED);
      return;
    }
    Set<String> came = match.existing(ids.stream().map(id -> "arxiv:" + id).toList());
    Set<String> missing = new HashSet<>(ids);
    came.forEach(id -> missing.remove(id.substring("arxiv:".length())));
    transaction.executeWithoutResult(
        s -> {
          rows.save(reader, came, Origin.IMPORT);
          rows.forgetUnmatched(
              reader, came.stream().map(id -> id.substring("arxiv:".length())).toList(), List.of());
          rows.fetched(reader, missing, Unmatched.Status.NOT_FOUND);
        });
  }

  @Override
  public void destroy() {
    worker.shutdown();
  }
}
