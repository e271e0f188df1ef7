package dev.paperboy.ingest;

import java.io.PrintStream;
import java.util.List;

/**
 * What one {@code import} of one file did: the counts {@code import} prints, each rejected record
 * with its position and reason, and notes such as a resumption token.
 */
public record ImportReport(
    String file,
    String format,
    long created,
    long updated,
    long unchanged,
    long rejected,
    boolean complete,
    List<Rejection> rejections,
    List<String> notes) {

  /** One record that was skipped: where it stood and why. */
  public record Rejection(String file, String position, String reason) {
    @Override
    public String toString() {
      return file + ": " + position + ": " + reason;
    }
  }

  public ImportReport {
    rejections = List.copyOf(rejections);
    notes = List.copyOf(notes);
  }

  public void print(PrintStream out) {
    notes.forEach(n -> out.println(file + ": note: " + n));
    rejections.forEach(r -> out.println(r + " (rejected)"));
    if (rejected > rejections.size()) {
      out.printf("%s: ... and %,d more rejected records%n", file, rejected - rejections.size());
    }
    out.printf(
        "%s (%s): %,d new, %,d updated, %,d unchanged, %,d rejected%n",
        file, format, created, updated, unchanged, rejected);
  }
}
