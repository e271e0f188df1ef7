package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog.Change;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The running state of one file's import: collects parsed records into batches, hands each full
 * batch to the store, and counts what happened to every record.
 */
final class ImportBatch implements RecordSink {

  static final int BATCH_SIZE = 500;
  private static final int MAX_LISTED_REJECTIONS = 1_000;
  private static final char REPLACEMENT = '\uFFFD';

  /** A parsed record waiting to be stored. */
  record Accepted(String position, Paper paper, List<Signal> signals) {}

  private final String file;
  private final String format;
  private final Function<List<Accepted>, List<Change>> store;
  private final List<Accepted> pending = new ArrayList<>();
  // By reason, in the order first seen: identical rejections are one line with a count.
  private final Map<String, ImportReport.Rejection> rejections = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private boolean complete = true;

  ImportBatch(String file, String format, Function<List<Accepted>, List<Change>> store) {
    this.file = file;
    this.format = format;
    this.store = store;
  }

  static ImportReport unreadable(String file, String reason) {
    return new ImportReport(
        file,
        "unknown format",
        0,
        0,
        0,
        1,
        false,
        List.of(new ImportReport.Rejection(file, "whole file", reason)),
        List.of());
  }

  @Override
  public void accept(String position, Paper paper, List<Signal> signals) {
    if (hasInvalidText(paper)) {
      reject(position, "the record contains bytes that are not valid UTF-8");
      return;
    }
    pending.add(new Accepted(position, paper, signals));
    if (pending.size() >= BATCH_SIZE) {
      flush();
    }
  }

  /** Invalid UTF-8 was decoded as U+FFFD; such a record would store garbled text. */
  private static boolean hasInvalidText(Paper p) {
    return p.title().indexOf(REPLACEMENT) >= 0
        || p.abstractText().indexOf(REPLACEMENT) >= 0
        || p.authors().stream().map(Author::name).anyMatch(n -> n.indexOf(REPLACEMENT) >= 0);
  }

  @Override
  public void reject(String position, String reason) {
    rejected++;
    ImportReport.Rejection same = rejections.get(reason);
    if (same != null) {
      rejections.put(reason, same.another());
    } else if (rejections.size() < MAX_LISTED_REJECTIONS) {
      rejections.put(reason, new ImportReport.Rejection(file, position, reason));
    }
  }

  @Override
  public void stopped(String position, String reason) {
    reject(position, reason);
    complete = false;
  }

  @Override
  public void note(String message) {
    notes.add(message);
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    for (Change change : store.apply(List.copyOf(pending))) {
      switch (change) {
        case NEW -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
    }
    pending.clear();
  }

  ImportReport finish() {
    flush();
    return new ImportReport(
        file,
        format,
        created,
        updated,
        unchanged,
        rejected,
        complete,
        List.copyOf(rejections.values()),
        notes);
  }
}
