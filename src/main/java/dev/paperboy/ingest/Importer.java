package dev.paperboy.ingest;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Catalog.Change;
import dev.paperboy.catalog.Catalog.Upserted;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Signal;
import dev.paperboy.search.EmbeddingBackfill;
import dev.paperboy.search.PaperIndex;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Imports a file: detect its format, parse it record by record, then in batches normalize, dedupe
 * and upsert into the catalog and update the search index. Importing the same file twice changes
 * nothing; a bad record is reported and skipped.
 */
@Service
public class Importer {

  private final Catalog catalog;
  private final PaperIndex index;
  private final Clock clock;
  // One import at a time per process: the counts of two interleaved imports would blur.
  private final ReentrantLock oneAtATime = new ReentrantLock();

  private final ObjectProvider<EmbeddingBackfill> backfill;

  /** Indexes one batch while the next is parsed and written to the catalog. */
  private final ExecutorService indexer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "import-indexer");
            t.setDaemon(true);
            return t;
          });

  public Importer(
      Catalog catalog, PaperIndex index, Clock clock, ObjectProvider<EmbeddingBackfill> backfill) {
    this.catalog = catalog;
    this.index = index;
    this.clock = clock;
    this.backfill = backfill;
  }

  /** Imports one file's content, embedding new papers; {@code file} names it in the report. */
  public ImportReport importFile(String file, InputStream content) {
    return importFile(file, content, true);
  }

  /**
   * Imports one file's content; {@code file} names it in the report. Without {@code embed}, papers
   * are searchable by their words at once and embedded later, in the background of a running server
   * or by {@code reindex}: an import many times faster.
   */
  public ImportReport importFile(String file, InputStream content, boolean embed) {
    oneAtATime.lock();
    Lock catalogWrites = index.catalogWrites();
    catalogWrites.lock();
    try {
      BufferedInputStream raw = new BufferedInputStream(content, 64 * 1024);
      Compression packing = Compression.detect(raw);
      BufferedInputStream in = packing.unpack(raw);
      Format format;
      try {
        format = Format.detect(in);
      } catch (Format.UnknownFormat e) {
        return ImportBatch.unreadable(file, e.getMessage());
      }
      IndexingPipeline indexing = new IndexingPipeline(indexer);
      ImportBatch batch =
          new ImportBatch(
              file, packing.describe(format), records -> store(records, embed, indexing));
      parse(format, packing, in, batch);
      ImportReport report = batch.finish();
      indexing.drain();
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } finally {
      try {
        index.commit();
      } finally {
        catalogWrites.unlock();
        oneAtATime.unlock();
      }
      if (!embed) {
        backfill.ifAvailable(EmbeddingBackfill::request);
      }
    }
  }

  /** A damaged compressed stream keeps what was read before the damage, like broken XML. */
  private void parse(Format format, Compression packing, InputStream in, ImportBatch batch)
      throws IOException {
    try {
      format.parser(clock).parse(in, batch);
    } catch (IOException e) {
      if (packing == Compression.NONE) {
        throw e;
      }
      batch.stopped(
          "rest of file",
          "the "
              + packing.label()
              + " data is damaged or cut short ("
              + e.getMessage()
              + "); the rest of the file was skipped");
    }
  }

  private List<Change> store(
      List<ImportBatch.Accepted> records, boolean embed, IndexingPipeline indexing) {
    Instant before = catalog.now();
    List<Upserted> results =
        catalog.upsert(records.stream().map(ImportBatch.Accepted::paper).toList());
    List<Paper> changed =
        results.stream().filter(r -> r.change() != Change.UNCHANGED).map(Upserted::paper).toList();
    if (!changed.isEmpty()) {
      indexing.submit(() -> index.upsert(changed, embed, before));
    }
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      PaperId id = results.get(i).paper().id();
      for (Signal s : records.get(i).signals()) {
        signals.add(new Signal(id, s.source(), s.kind(), s.value(), s.observedAt()));
      }
    }
    Set<PaperId> signalled = signals.isEmpty() ? Set.of() : catalog.saveSignals(signals);
    List<Change> changes = new ArrayList<>(records.size());
    for (Upserted r : results) {
      Change change = r.change();
      changes.add(
          change == Change.UNCHANGED && signalled.contains(r.paper().id())
              ? Change.UPDATED
              : change);
    }
    return changes;
  }
}
