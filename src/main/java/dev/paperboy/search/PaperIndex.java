package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.runtime.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the catalog, words and vectors: a replica that follows the catalog's change
 * feed ({@link ChangeFeed}) and that nothing else writes. Each commit records the watermark up to
 * which it holds the catalog, so a restart applies only what changed since; an index built by
 * another layout or model is rebuilt. A {@link #rebuild} builds the next index beside the live one,
 * which serves and follows meanwhile, then swaps it in.
 */
@Component
public class PaperIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);
  static final String SIGNATURE = "embedding";
  static final String WATERMARK = "catalog-xid";
  static final String GENERATION = "reindex-generation";
  private static final int CHUNK = 256;

  /**
   * Changes are listed this many papers at a time: each page costs a pass over every change since
   * the watermark (they come from three tables), so pages are large; papers are then read and
   * indexed a {@link #CHUNK} at a time.
   */
  private static final int FEED_PAGE = 20_000;

  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** A commit (an fsync) at most this often while changes stream in; a crash re-reads the rest. */
  private static final long COMMIT_NANOS = 5_000_000_000L;

  private final Catalog catalog;
  private final Vectors vectors;
  private final Acronyms acronyms;
  private final ChangeFeed feed;
  private final IndexDirectories directories;

  /** Rebuilds use every core; so do merges of vector graphs, on a pool of their own. */
  private final ExecutorService workers = DaemonThreads.pool("index-worker", THREADS);

  private final ExecutorService merges = DaemonThreads.pool("index-merge", THREADS);

  private final Analyzer analyzer = IndexFields.analyzer();

  /** Held while changes are applied to the live index, and while it is swapped. */
  private final ReentrantLock applying = new ReentrantLock();

  private final ReentrantLock rebuilding = new ReentrantLock();

  private volatile LuceneIndex live;

  /** How far the live index follows the feed; a watermark of -1 until it is built or read. */
  private Position position;

  /**
   * The reindex request ({@link ChangeFeed#reindexGeneration}) the live index answers; -1: none.
   */
  private volatile long generation;

  private volatile Applied applied;

  /**
   * Whether the live index's vectors come from the model this process embeds queries with. Not so
   * between a start with a new model and the end of the index's rebuild: a query vector of one
   * model cannot be compared with papers' vectors of another (their widths may even differ), so
   * until then searches go by words alone.
   */
  private volatile boolean currentVectors;

  private boolean uncommitted;
  private long lastCommit = System.nanoTime();

  /**
   * How far the live index follows: every change committed before {@code asOf} is in it, and {@code
   * alreadyApplied} of the changes at or after the watermark too.
   */
  record Applied(long watermark, Instant asOf, long alreadyApplied) {}

  /**
   * How far an index has followed the feed: every change before the watermark is applied, and so
   * are the changes above it listed in {@code above} (paper → the transaction ids of its changes at
   * or after the watermark), which were committed while an older transaction still ran. Those are
   * applied as soon as they are visible, rather than once the older transaction ends; listing them
   * keeps the next round from applying them again.
   */
  private static final class Position {
    private long watermark;
    private Map<PaperId, List<Long>> above = Map.of();

    Position(long watermark) {
      this.watermark = watermark;
    }

    long alreadyApplied() {
      return above.values().stream().mapToLong(List::size).sum();
    }
  }

  PaperIndex(
      DataDirectory data, Catalog catalog, Vectors vectors, Acronyms acronyms, ChangeFeed feed)
      throws IOException {
    this.catalog = catalog;
    this.vectors = vectors;
    this.acronyms = acronyms;
    this.feed = feed;
    this.directories = new IndexDirectories(data);
    this.live = new LuceneIndex(directories.live(), merges);
    directories.removeAllBut(live.path());
    Map<String, String> last = live.commitData();
    boolean usable = signature().equals(last.get(SIGNATURE)) && last.containsKey(WATERMARK);
    this.position = new Position(usable ? Long.parseLong(last.get(WATERMARK)) : -1);
    this.currentVectors = usable;
    this.generation = Long.parseLong(last.getOrDefault(GENERATION, "-1"));
  }

  /**
   * Applies every change the catalog committed before now; when it returns, this process finds
   * them. A writer calls it before returning to its caller, so that the caller reads its writes.
   */
  public void catchUp() {
    catchUp(true);
  }

  /** One step of following: like {@link #catchUp}, but commits only every few seconds. */
  void follow() {
    catchUp(false);
  }

  private void catchUp(boolean commitNow) {
    applying.lock();
    try {
      boolean built = position.watermark < 0;
      if (built) {
        position = new Position(buildAtStart());
      }
      Instant asOf = Instant.now();
      if (advance(live, position) > 0 || built) {
        live.refresh();
        uncommitted = true;
      }
      // Only now do searchers see the rebuilt index, with the current model's vectors.
      currentVectors |= built;
      applied = new Applied(position.watermark, asOf, position.alreadyApplied());
      if (uncommitted && (commitNow || built || System.nanoTime() - lastCommit > COMMIT_NANOS)) {
        commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    } finally {
      applying.unlock();
    }
  }

  /** An empty index, or one written by another layout or model, is rebuilt where it is. */
  private long buildAtStart() throws IOException {
    log.info("Search index {}: building it from the catalog", live.path().getFileName());
    if (generation < 0) {
      generation = feed.reindexGeneration();
    }
    live.deleteAll();
    return fill(live, n -> logProgress(n));
  }

  private static void logProgress(long n) {
    if (n % 10_000 == 0) {
      log.info("  {} papers indexed", n);
    }
  }

  /**
   * Fills an index that holds nothing with every paper and the vector stored for it, if any;
   * returns the watermark from which it must then follow (taken before the first read). It never
   * embeds: a new instance, or a reindex, after an import without vectors would otherwise embed the
   * whole backlog before it serves (and every instance the same papers); the one background
   * embedding, claimed in PostgreSQL, stores them and every index follows.
   */
  private long fill(LuceneIndex target, LongConsumer progress) throws IOException {
    long from = feed.horizon();
    long count = 0;
    for (List<Paper> chunk = catalog.after(null, CHUNK);
        !chunk.isEmpty();
        chunk = catalog.after(chunk.get(chunk.size() - 1).id().toString(), CHUNK)) {
      if (closing) {
        throw new java.util.concurrent.CancellationException("the application is stopping");
      }
      target.addNew(chunk, vectors.stored(chunk), workers, THREADS);
      acronyms.learn(chunk);
      count += chunk.size();
      progress.accept(count);
    }
    return from;
  }

  /**
   * Applies to {@code target} every change visible now that {@code at} has not, each paper as the
   * catalog holds it now with the stored vector of the current model (or none yet); a paper gone
   * from the catalog leaves the index. Then the horizon, read first, is the new watermark. Returns
   * how many papers it touched.
   */
  private long advance(LuceneIndex target, Position at) throws IOException {
    ChangeFeed.Bounds bounds = feed.bounds();
    long horizon = bounds.horizon();
    Map<PaperId, List<Long>> above = new HashMap<>();
    long count = 0;
    for (List<ChangeFeed.Change> page = feed.since(at.watermark, bounds.next(), null, FEED_PAGE);
        !page.isEmpty();
        page =
            feed.since(
                at.watermark,
                bounds.next(),
                page.get(page.size() - 1).paper().toString(),
                FEED_PAGE)) {
      List<PaperId> fresh = new ArrayList<>();
      for (ChangeFeed.Change change : page) {
        if (!change.xids().equals(at.above.get(change.paper()))) {
          fresh.add(change.paper());
        }
        List<Long> unsettled = change.xids().stream().filter(x -> x >= horizon).toList();
        if (!unsettled.isEmpty()) {
          above.put(change.paper(), unsettled);
        }
      }
      for (int i = 0; i < fresh.size(); i += CHUNK) {
        apply(target, fresh.subList(i, Math.min(fresh.size(), i + CHUNK)));
      }
      count += fresh.size();
    }
    at.watermark = horizon;
    at.above = above;
    return count;
  }

  private void apply(LuceneIndex target, List<PaperId> ids) throws IOException {
    List<Paper> papers = catalog.findAll(ids);
    target.update(papers, vectors.stored(papers));
    Set<PaperId> present = papers.stream().map(Paper::id).collect(Collectors.toSet());
    target.delete(ids.stream().filter(id -> !present.contains(id)).toList());
    acronyms.learn(papers);
  }

  /** Makes what has been applied durable, with the watermark it reached. */
  private void commit() throws IOException {
    live.commit(commitData(position.watermark, generation));
    uncommitted = false;
    lastCommit = System.nanoTime();
  }

  private Map<String, String> commitData(long watermark, long generation) {
    return Map.of(
        SIGNATURE,
        signature(),
        WATERMARK,
        Long.toString(watermark),
        GENERATION,
        Long.toString(generation));
  }

  /**
   * Builds a new index from the catalog beside the live one, which goes on serving and following;
   * catches it up with the changes made meanwhile; then swaps it in at once (searches running on
   * the old one finish there) and deletes the old one. Returns how many papers it indexed; {@code
   * progress} hears the running count.
   */
  public long rebuild(LongConsumer progress) {
    rebuilding.lock();
    try {
      long requested = feed.reindexGeneration();
      LuceneIndex next = new LuceneIndex(directories.next(), merges);
      long[] count = {0};
      Position at;
      try {
        at = new Position(fill(next, n -> progress.accept(count[0] = n)));
        advance(next, at);
      } catch (IOException | RuntimeException e) {
        IndexDirectories.discard(next);
        throw e;
      }
      swapIn(next, at, requested);
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    } finally {
      rebuilding.unlock();
    }
  }

  /** The last changes, committed with the new index's watermark, then the swap. */
  private void swapIn(LuceneIndex next, Position at, long requested) throws IOException {
    LuceneIndex old;
    applying.lock();
    try {
      Instant asOf = Instant.now();
      advance(next, at);
      next.commit(commitData(at.watermark, requested));
      directories.makeLive(next.path());
      old = live;
      live = next;
      position = at;
      currentVectors = true;
      generation = requested;
      applied = new Applied(at.watermark, asOf, at.alreadyApplied());
      uncommitted = false;
    } finally {
      applying.unlock();
    }
    IndexDirectories.discard(old);
    log.info("Search index rebuilt in {}", next.path().getFileName());
  }

  /**
   * Asks every instance that follows this catalog to rebuild its index (each does it beside its
   * live one, see {@link #rebuild}); returns the request's number.
   */
  public long requestReindexEverywhere() {
    return feed.requestReindex();
  }

  /** Whether every instance was asked to reindex since the live index was built. */
  boolean reindexRequested() {
    return generation >= 0 && feed.reindexGeneration() > generation;
  }

  /** Whether searches may compare query vectors with the live index's (see the field). */
  boolean holdsCurrentVectors() {
    return currentVectors;
  }

  /** Null until the first catch-up after start has ended. */
  Applied applied() {
    return applied;
  }

  /** How many changes the catalog holds that the live index has not applied yet (at most). */
  long pending(Applied a) {
    return Math.max(0, feed.pending(a.watermark()) - a.alreadyApplied());
  }

  /** The document layout and the vectors' model: an index built otherwise is rebuilt. */
  private String signature() {
    return IndexFields.LAYOUT + " " + vectors.signature();
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /**
   * Runs a read against a current searcher of the live index, releasing it afterwards. A search
   * that meets an index just swapped out and closed tries again on the new one.
   */
  <T> T read(SearcherFunction<T> function) {
    while (true) {
      LuceneIndex index = live;
      IndexSearcher searcher;
      try {
        searcher = index.acquire();
      } catch (AlreadyClosedException e) {
        if (index == live) {
          throw e;
        }
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the search index", e);
      }
      try {
        return function.apply(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the search index", e);
      } finally {
        releaseQuietly(index, searcher);
      }
    }
  }

  private static void releaseQuietly(LuceneIndex index, IndexSearcher searcher) {
    try {
      index.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release a searcher", e);
    }
  }

  /** A read of the index that may fail with I/O. */
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Set at close: a build in progress stops at its next chunk instead of holding the stop up. */
  private volatile boolean closing;

  @Override
  public void close() throws IOException {
    closing = true;
    applying.lock();
    try {
      if (uncommitted) {
        commit();
      }
      live.close();
    } finally {
      applying.unlock();
      workers.shutdownNow();
      merges.shutdownNow();
    }
  }
}
