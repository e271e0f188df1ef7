package dev.paperboy.cli;

import dev.paperboy.ingest.ImportReport;
import java.io.PrintStream;

/** The sum of an {@code import}'s files, and the exit status it comes to. */
final class ImportTotals {

  private int files;
  private long created;
  private long updated;
  private long unchanged;
  private long rejected;
  private int incomplete;
  private int unreadable;

  void add(ImportReport report) {
    files++;
    created += report.created();
    updated += report.updated();
    unchanged += report.unchanged();
    rejected += report.rejected();
    if (!report.complete()) {
      incomplete++;
    }
  }

  void unreadable() {
    files++;
    unreadable++;
  }

  /** Imported or unchanged records against rejected ones and files read only in part or not. */
  ExitStatus status() {
    return ExitStatus.of(created + updated + unchanged, rejected + incomplete + unreadable);
  }

  /** The total line, when there was more than one file to add up. */
  void print(PrintStream out) {
    if (files < 2) {
      return;
    }
    out.printf(
        "total: %,d new, %,d updated, %,d unchanged, %,d rejected, in %,d files%s%n",
        created,
        updated,
        unchanged,
        rejected,
        files,
        unreadable == 0 ? "" : String.format(", %,d of them unreadable", unreadable));
  }
}
