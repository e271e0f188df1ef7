package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.runtime.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the catalog, words and vectors. Derived data: every update is keyed by paper
 * id so repeating it is harmless, and the whole index can be rebuilt from the catalog at any time.
 * Readers are refreshed after each write, so an import shows in search at once.
 */
@Component
public class PaperIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);
  private static final String SIGNATURE = "embedding";
  private static final int CHUNK = 256;

  private final Analyzer analyzer = IndexFields.analyzer();
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Catalog catalog;
  private final Vectors vectors;
  private final Acronyms acronyms;

  PaperIndex(DataDirectory dataDirectory, Catalog catalog, Vectors vectors, Acronyms acronyms)
      throws IOException {
    this.catalog = catalog;
    this.vectors = vectors;
    this.acronyms = acronyms;
    this.directory = FSDirectory.open(dataDirectory.index());
    this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    this.searchers = new SearcherManager(writer, null);
    rebuildIfStale();
  }

  /** An empty index, or one whose vectors came from another model, is rebuilt at start. */
  private void rebuildIfStale() throws IOException {
    String built = builtWith();
    boolean empty = writer.getDocStats().numDocs == 0;
    if ((empty || !vectors.signature().equals(built)) && catalog.count() > 0) {
      log.info(
          "Search index {}: rebuilding it from the catalog",
          empty ? "is empty" : "was built with " + built + ", not " + vectors.signature());
      rebuild(
          n -> {
            if (n % 1000 == 0) {
              log.info("  {} papers indexed", n);
            }
          });
    }
  }

  private String builtWith() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData().get(SIGNATURE);
    }
  }

  /** Adds or replaces these papers and makes them searchable now. */
  public void upsert(Collection<Paper> papers) {
    try {
      List<Paper> list = List.copyOf(papers);
      Map<PaperId, float[]> v = vectors.of(list);
      for (Paper paper : list) {
        writer.updateDocument(
            new Term(IndexFields.ID, paper.id().toString()),
            IndexFields.document(paper, v.get(paper.id())));
      }
      acronyms.learn(list);
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  /** Rebuilds the index from the catalog; {@code progress} hears the running count. */
  public long rebuild(LongConsumer progress) {
    long count = 0;
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
      commit();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    }
  }

  private void add(List<Paper> chunk) throws IOException {
    Map<PaperId, float[]> v = vectors.of(chunk);
    for (Paper paper : chunk) {
      writer.addDocument(IndexFields.document(paper, v.get(paper.id())));
    }
    acronyms.learn(chunk);
  }

  private void commit() throws IOException {
    writer.setLiveCommitData(Map.of(SIGNATURE, vectors.signature()).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
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
    searchers.close();
    writer.close();
    directory.close();
  }
}
