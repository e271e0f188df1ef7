package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.runtime.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the catalog, words and vectors. Derived data: every update is keyed by paper
 * id so repeating it is harmless, and the whole index can be rebuilt from the catalog at any time.
 * Readers are reopened (near-real-time) at most every 3 seconds while an import runs and at its
 * end, so what is imported shows in search within seconds; commits, which fsync, happen at the end
 * of an import, every few seconds while writes go on, and at close. Each commit records how far the
 * catalog is covered, so after a crash the start re-indexes only the papers changed since the last
 * commit.
 */
@Component
public class PaperIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);
  private static final String SIGNATURE = "embedding";
  static final String COVERED = "catalog-changed-before";
  private static final int CHUNK = 256;

  private final Analyzer analyzer = IndexFields.analyzer();
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Catalog catalog;
  private final Vectors vectors;
  private final Acronyms acronyms;

  private static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** Rebuilds use every core; so do merges of vector graphs, on a pool of their own. */
  private final ExecutorService workers = daemons("index-worker");

  private final ExecutorService merges = daemons("index-merge");

  private static ExecutorService daemons(String name) {
    return Executors.newFixedThreadPool(
        THREADS,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The catalog is indexed for every change before this (database time), as last committed. */
  private Instant covered;

  /**
   * See {@link #catalogWrites}; fair, so a waiting rebuild is not starved by import after import.
   */
  private final ReentrantReadWriteLock catalogWrites = new ReentrantReadWriteLock(true);

  /** The earliest catalog time of the writes not yet committed; null when there are none. */
  private Instant firstUncommitted;

  PaperIndex(DataDirectory dataDirectory, Catalog catalog, Vectors vectors, Acronyms acronyms)
      throws IOException {
    this.catalog = catalog;
    this.vectors = vectors;
    this.acronyms = acronyms;
    this.directory = FSDirectory.open(dataDirectory.index());
    this.writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(analyzer)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCodec(IndexFields.codec(merges)));
    this.searchers = new SearcherManager(writer, null);
    Map<String, String> lastCommit = commitData();
    if (!rebuildIfStale(lastCommit.get(SIGNATURE))) {
      catchUp(lastCommit.get(COVERED));
    }
  }

  /**
   * During a long import, readers are reopened at most this often (each reopen writes a small
   * segment); the import's end commits and reopens at once.
   */
  private static final long REFRESH_NANOS = 3_000_000_000L;

  private long lastRefresh;

  /** Bigger flushes mean fewer segments to merge, and fewer vector graphs to rebuild. */
  private static final double RAM_BUFFER_MB = 128;

  /** An empty index, or one whose vectors came from another model, is rebuilt at start. */
  private boolean rebuildIfStale(String built) throws IOException {
    boolean empty = writer.getDocStats().numDocs == 0;
    if ((empty || !signature().equals(built)) && catalog.hasPapers()) {
      log.info(
          "Search index {}: rebuilding it from the catalog",
          empty ? "is empty" : "was built as " + built + ", not " + signature());
      rebuild(
          n -> {
            if (n % 1000 == 0) {
              log.info("  {} papers indexed", n);
            }
          });
      return true;
    }
    return false;
  }

  /** Papers the catalog changed after the last commit (a crash lost them) are indexed again. */
  private void catchUp(String recorded) throws IOException {
    if (recorded == null) {
      return;
    }
    covered = Instant.parse(recorded);
    Instant since = covered;
    long count = 0;
    List<Paper> chunk = catalog.changedSince(since, null, CHUNK);
    while (!chunk.isEmpty()) {
      upsert(chunk, false, null);
      count += chunk.size();
      chunk = catalog.changedSince(since, chunk.get(chunk.size() - 1).id().toString(), CHUNK);
    }
    if (count > 0) {
      log.info("Search index: {} papers changed after its last commit were indexed again", count);
      commit();
    }
  }

  private Map<String, String> commitData() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData();
    }
  }

  /**
   * Adds or replaces these papers and makes them searchable now. With {@code embed}, papers whose
   * vector is missing or stale are embedded first; without, they are indexed by their words only
   * (and whatever vector is stored) and {@link #embedMissing} embeds them later. {@code
   * changedFrom} is the catalog's time ({@link Catalog#now}) taken before these papers were written
   * there: until the index commits, a crash makes the next start index again every paper changed
   * since then. Every paper replaces whatever the index holds under its id, even one new to the
   * catalog: a rebuild may have indexed it already (see {@link #catalogWrites}).
   */
  public synchronized void upsert(Collection<Paper> papers, boolean embed, Instant changedFrom) {
    try {
      List<Paper> list = List.copyOf(papers);
      Map<PaperId, float[]> v = embed ? vectors.of(list) : vectors.stored(list);
      if (changedFrom != null
          && (firstUncommitted == null || changedFrom.isBefore(firstUncommitted))) {
        firstUncommitted = changedFrom;
      }
      for (Paper paper : list) {
        writer.updateDocument(
            new Term(IndexFields.ID, paper.id().toString()),
            IndexFields.document(paper, v.get(paper.id())));
      }
      acronyms.learn(list);
      long now = System.nanoTime();
      if (now - lastRefresh > REFRESH_NANOS) {
        searchers.maybeRefreshBlocking();
        lastRefresh = System.nanoTime();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  /**
   * Held, shared, by whoever writes papers to the catalog and then tells this index: from before
   * the first catalog write to after the last {@link #upsert}. A {@link #rebuild} holds it alone,
   * so it reads a catalog that no import is halfway through, and an import waits for a rebuild to
   * end (its index updates would wait for the index anyway). Several imports may hold it at once.
   */
  public Lock catalogWrites() {
    return catalogWrites.readLock();
  }

  /**
   * Embeds papers that have no vector from the current model yet, a chunk at a time, and indexes
   * them again with it; returns how many. Embedding runs outside the index lock, so imports and
   * searches go on meanwhile; a vector whose paper an import changed meanwhile is not stored (see
   * {@link dev.paperboy.catalog.Embeddings#save}), and the paper's next turn embeds its new text.
   */
  public long embedMissing(LongConsumer progress) {
    long count = 0;
    List<PaperId> ids = vectors.missing(CHUNK);
    while (!ids.isEmpty()) {
      vectors.of(catalog.findAll(ids));
      reindex(ids);
      count += ids.size();
      progress.accept(count);
      List<PaperId> next = vectors.missing(CHUNK);
      // Every vector of the chunk was refused (its papers kept changing): the next run retries.
      ids = next.equals(ids) ? List.of() : next;
    }
    commit();
    return count;
  }

  /**
   * Indexes these papers again as the catalog holds them now. They are read under the index's lock:
   * read before it, an import's newer text could be indexed in between and then overwritten with
   * the older one read here.
   */
  private synchronized void reindex(List<PaperId> ids) {
    upsert(catalog.findAll(ids), false, null);
  }

  /** Makes what has been written durable; cheap when nothing has. */
  public synchronized void commit() {
    try {
      if (firstUncommitted == null && !writer.hasUncommittedChanges()) {
        return;
      }
      if (firstUncommitted != null) {
        covered = firstUncommitted;
      } else if (covered == null) {
        covered = catalog.now();
      }
      writer.setLiveCommitData(
          Map.of(SIGNATURE, signature(), COVERED, covered.toString()).entrySet());
      writer.commit();
      firstUncommitted = null;
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  /** While writes go on, a commit every few seconds bounds what a crash can lose. */
  @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
  void commitPeriodically() {
    commit();
  }

  /**
   * Rebuilds the index from the catalog; {@code progress} hears the running count. Waits for
   * running imports to end, and holds new ones off until it is done (see {@link #catalogWrites}).
   */
  public long rebuild(LongConsumer progress) {
    Lock alone = catalogWrites.writeLock();
    alone.lock();
    try {
      return rebuildAlone(progress);
    } finally {
      alone.unlock();
    }
  }

  /**
   * With no catalog writer and no other index writer at work, each paper is read once (in id order)
   * after everything was deleted: adding, without looking for an older copy, is safe here.
   */
  private synchronized long rebuildAlone(LongConsumer progress) {
    long count = 0;
    Instant started = catalog.now();
    try {
      writer.deleteAll();
      acronyms.clear();
      List<Paper> chunk = catalog.after(null, CHUNK);
      while (!chunk.isEmpty()) {
        add(chunk);
        count += chunk.size();
        progress.accept(count);
        chunk = catalog.after(chunk.get(chunk.size() - 1).id().toString(), CHUNK);
      }
      firstUncommitted = started;
      commit();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    }
  }

  /**
   * Adds a chunk with one thread per core, each filling its own in-memory segment: building the
   * vector graph, most of a rebuild's cost, then runs on every core.
   */
  private void add(List<Paper> chunk) throws IOException {
    Map<PaperId, float[]> v = vectors.of(chunk);
    int lanes = Math.min(THREADS, chunk.size());
    List<Callable<Void>> parts = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      int first = lane;
      parts.add(
          () -> {
            for (int i = first; i < chunk.size(); i += lanes) {
              Paper paper = chunk.get(i);
              writer.addDocument(IndexFields.document(paper, v.get(paper.id())));
            }
            return null;
          });
    }
    try {
      for (Future<Void> f : workers.invokeAll(parts)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    acronyms.learn(chunk);
  }

  /** The document layout and the vectors' model: an index built otherwise is rebuilt. */
  private String signature() {
    return IndexFields.LAYOUT + " " + vectors.signature();
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Runs a read against a current searcher, releasing it afterwards. */
  <T> T read(SearcherFunction<T> function) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return function.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index", e);
    }
  }

  /** A read of the index that may fail with I/O. */
  interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void close() throws IOException {
    commit();
    searchers.close();
    writer.close();
    directory.close();
    workers.shutdownNow();
    merges.shutdownNow();
  }
}
