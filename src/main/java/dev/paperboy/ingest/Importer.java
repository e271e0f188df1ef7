package dev.paperboy.ingest;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Catalog.Change;
import dev.paperboy.catalog.Catalog.Upserted;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import dev.paperboy.search.PaperIndex;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a file: detect its format, parse it record by record, then in batches normalize, dedupe
 * and upsert into the catalog and update the search index. Importing the same file twice changes
 * nothing; a bad record is reported and skipped.
 */
@Service
public class Importer {

  private final Catalog catalog;
  private final PaperIndex index;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock;
  // One import at a time per process: the counts of two interleaved imports would blur.
  private final ReentrantLock oneAtATime = new ReentrantLock();

  public Importer(Catalog catalog, PaperIndex index, Clock clock) {
    this.catalog = catalog;
    this.index = index;
    this.clock = clock;
  }

  /** Imports one file's content; {@code file} names it in the report. */
  public ImportReport importFile(String file, InputStream content) {
    oneAtATime.lock();
    try {
      BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
      Format format;
      try {
        format = Format.detect(in);
      } catch (Format.UnknownFormat e) {
        return ImportBatch.unreadable(file, e.getMessage());
      }
      ImportBatch batch = new ImportBatch(file, format, this::store);
      parser(format).parse(in, batch);
      return batch.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } finally {
      oneAtATime.unlock();
    }
  }

  private FeedParser parser(Format format) {
    return switch (format) {
      case ARXIV_ATOM -> new ArxivAtomParser();
      case OAI_PMH -> new OaiPmhParser();
      case HUGGING_FACE_DAILY -> new HuggingFaceDailyParser(json, clock);
      case JSON_LINES -> new JsonLinesParser(json);
    };
  }

  private List<Change> store(List<ImportBatch.Accepted> records) {
    List<Upserted> results =
        catalog.upsert(records.stream().map(ImportBatch.Accepted::paper).toList());
    index.upsert(
        results.stream().filter(r -> r.change() != Change.UNCHANGED).map(Upserted::paper).toList());
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Paper stored = results.get(i).paper();
      int signalChanges =
          catalog.saveSignals(
              records.get(i).signals().stream()
                  .map(
                      s -> new Signal(stored.id(), s.source(), s.kind(), s.value(), s.observedAt()))
                  .toList());
      Change change = results.get(i).change();
      changes.add(change == Change.UNCHANGED && signalChanges > 0 ? Change.UPDATED : change);
    }
    return changes;
  }
}
