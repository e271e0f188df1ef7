package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.runtime.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
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
 * The Lucene index of the catalog. Derived data: every update is keyed by paper id so repeating it
 * is harmless, and the whole index can be rebuilt from the catalog at any time. Readers are
 * refreshed after each write, so an import shows in search at once.
 */
@Component
public class PaperIndex implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaperIndex.class);

  private final Analyzer analyzer = IndexFields.analyzer();
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Catalog catalog;

  public PaperIndex(DataDirectory dataDirectory, Catalog catalog) throws IOException {
    this.catalog = catalog;
    this.directory = FSDirectory.open(dataDirectory.index());
    this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    this.searchers = new SearcherManager(writer, null);
    if (writer.getDocStats().numDocs == 0 && catalog.count() > 0) {
      log.info("Search index is empty but the catalog is not: rebuilding it");
      rebuild(n -> {});
    }
  }

  /** Adds or replaces these papers and makes them searchable now. */
  public void upsert(Collection<Paper> papers) {
    try {
      for (Paper paper : papers) {
        writer.updateDocument(
            new Term(IndexFields.ID, paper.id().toString()), IndexFields.document(paper));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  /** Rebuilds the index from the catalog; {@code progress} hears the running count. */
  public long rebuild(LongConsumer progress) {
    AtomicLong count = new AtomicLong();
    try {
      writer.deleteAll();
      catalog.forEach(
          paper -> {
            try {
              writer.addDocument(IndexFields.document(paper));
              progress.accept(count.incrementAndGet());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      writer.commit();
      searchers.maybeRefreshBlocking();
      return count.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    }
  }

  public int size() {
    return writer.getDocStats().numDocs;
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
