package dev.paperboy.search;

import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene index in one directory: its writer, its near-real-time searchers and the data of its
 * last commit. {@link PaperIndex} keeps the live one and builds the next beside it.
 */
final class LuceneIndex implements AutoCloseable {

  /** Bigger flushes mean fewer segments to merge, and fewer vector graphs to rebuild. */
  private static final double RAM_BUFFER_MB = 128;

  private final Path path;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  LuceneIndex(Path path, ExecutorService merges) throws IOException {
    this.path = path;
    this.directory = FSDirectory.open(path);
    this.writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(IndexFields.analyzer())
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCodec(IndexFields.codec(merges)));
    this.searchers = new SearcherManager(writer, null);
  }

  Path path() {
    return path;
  }

  /** What the last commit recorded; empty for a new index. */
  Map<String, String> commitData() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData();
    }
  }

  boolean isEmpty() {
    return writer.getDocStats().numDocs == 0;
  }

  /** Replaces whatever the index holds under each paper's id: safe to repeat. */
  void update(List<Paper> papers, Map<PaperId, float[]> vectors) throws IOException {
    for (Paper paper : papers) {
      writer.updateDocument(
          new Term(IndexFields.ID, paper.id().toString()),
          IndexFields.document(paper, vectors.get(paper.id())));
    }
  }

  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  void delete(Collection<PaperId> ids) throws IOException {
    for (PaperId id : ids) {
      writer.deleteDocuments(new Term(IndexFields.ID, id.toString()));
    }
  }

  /**
   * Adds papers new to this index with one thread per lane, each filling its own in-memory segment:
   * building the vector graph, most of a rebuild's cost, then runs on every core. Only for an index
   * being built, which nothing else writes and which holds none of these papers yet.
   */
  void addNew(List<Paper> papers, Map<PaperId, float[]> vectors, ExecutorService workers, int lanes)
      throws IOException {
    int n = Math.min(lanes, papers.size());
    List<Callable<Void>> parts = new ArrayList<>();
    for (int lane = 0; lane < n; lane++) {
      int first = lane;
      parts.add(
          () -> {
            for (int i = first; i < papers.size(); i += n) {
              Paper paper = papers.get(i);
              writer.addDocument(IndexFields.document(paper, vectors.get(paper.id())));
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
  }

  /** Makes what was written searchable, without the cost of a commit. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes what was written durable, with {@code data} recorded beside it. */
  void commit(Map<String, String> data) throws IOException {
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  /**
   * Searches that acquired a searcher before this keep it until they release it (its files stay
   * open, even once deleted).
   */
  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
