package dev.paperboy.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * Records skipped for one reason: where the first stood, why, and how many in the file shared
   * that reason (so 412 records without an id make one line, not 412).
   */
  public record Rejection(String file, String position, String reason, long count) {

    private static final Pattern UNIT = Pattern.compile("^([a-z]+) \\d+$");

    public Rejection(String file, String position, String reason) {
      this(file, position, reason, 1);
    }

    Rejection another() {
      return new Rejection(file, position, reason, count + 1);
    }

    @Override
    public String toString() {
      if (count <= 1) {
        return file + ": " + position + ": " + reason;
      }
      Matcher unit = UNIT.matcher(position);
      String units = unit.matches() ? plural(unit.group(1)) : "records";
      return String.format("%s: %,d %s: %s (first at %s)", file, count, units, reason, position);
    }

    private static String plural(String unit) {
      return unit.endsWith("y") ? unit.substring(0, unit.length() - 1) + "ies" : unit + "s";
    }
  }

  public ImportReport {
    rejections = List.copyOf(rejections);
    notes = List.copyOf(notes);
  }

  public void print(PrintStream out) {
    notes.forEach(n -> out.println(file + ": note: " + n));
    rejections.forEach(r -> out.println(r.count() > 1 ? r : r + " (rejected)"));
    long listed = rejections.stream().mapToLong(r -> Math.max(1, r.count())).sum();
    if (rejected > listed) {
      out.printf("%s: ... and %,d more rejected records%n", file, rejected - listed);
    }
    out.printf(
        "%s (%s): %,d new, %,d updated, %,d unchanged, %,d rejected%n",
        file, format, created, updated, unchanged, rejected);
  }
}
