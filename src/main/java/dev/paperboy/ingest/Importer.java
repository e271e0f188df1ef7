package dev.paperboy.ingest;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Catalog.Change;
import dev.paperboy.catalog.Catalog.Upserted;
import dev.paperboy.catalog.CatalogWritesDone;
import dev.paperboy.catalog.CatalogWritten;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Signal;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports a file: detect its format, parse it record by record, then in batches normalize, dedupe
 * and upsert into the catalog. Importing the same file twice changes nothing; a bad record is
 * reported and skipped. The search index follows the catalog on its own; each stored batch and the
 * import's end are published ({@link CatalogWritten}, {@link CatalogWritesDone}) so that vectors
 * are computed as the import goes and the import returns only once this process can find its
 * papers.
 */
@Service
public class Importer {

  private final Catalog catalog;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  // One import at a time per process: the counts of two interleaved imports would blur.
  private final ReentrantLock oneAtATime = new ReentrantLock();

  public Importer(Catalog catalog, Clock clock, ApplicationEventPublisher events) {
    this.catalog = catalog;
    this.clock = clock;
    this.events = events;
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
    try {
      return read(file, content, clock, records -> store(records, embed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } finally {
      try {
        events.publishEvent(new CatalogWritesDone(embed));
      } finally {
        oneAtATime.unlock();
      }
    }
  }

  /**
   * The part of an import that touches no database: unpack, detect the format and parse each record
   * into a batch, which hands every full batch to {@code store}. Whatever the bytes, the answer is
   * a report; only a failing read of {@code content} itself throws.
   */
  static ImportReport read(
      String file,
      InputStream content,
      Clock clock,
      Function<List<ImportBatch.Accepted>, List<Change>> store)
      throws IOException {
    BufferedInputStream raw = new BufferedInputStream(content, 64 * 1024);
    Compression packing = Compression.detect(raw);
    BufferedInputStream in;
    Format format;
    try {
      in = packing.unpack(raw);
      format = Format.detect(in);
    } catch (Format.UnknownFormat e) {
      return ImportBatch.unreadable(file, e.getMessage());
    } catch (IOException e) {
      if (packing == Compression.NONE) {
        throw e;
      }
      return ImportBatch.unreadable(file, packing.damaged(e) + "; nothing was imported");
    }
    ImportBatch batch = new ImportBatch(file, packing.describe(format), store);
    parse(format, packing, in, batch, clock);
    return batch.finish();
  }

  /** A damaged compressed stream keeps what was read before the damage, like broken XML. */
  private static void parse(
      Format format, Compression packing, InputStream in, ImportBatch batch, Clock clock)
      throws IOException {
    try {
      format.parser(clock).parse(in, batch);
    } catch (IOException e) {
      if (packing == Compression.NONE) {
        throw e;
      }
      batch.stopped("rest of file", packing.damaged(e) + "; the rest of the file was skipped");
    }
  }

  private List<Change> store(List<ImportBatch.Accepted> records, boolean embed) {
    List<Upserted> results =
        catalog.upsert(records.stream().map(ImportBatch.Accepted::paper).toList());
    List<PaperId> changed =
        results.stream()
            .filter(r -> r.change() != Change.UNCHANGED)
            .map(r -> r.paper().id())
            .toList();
    if (!changed.isEmpty()) {
      events.publishEvent(new CatalogWritten(changed, embed));
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
