package dev.paperboy.sources;

import dev.paperboy.ingest.ImportReport;
import java.util.ArrayList;
import java.util.List;

/** What one run of a source did: requests made, papers by fate, and notes for the operator. */
public record SyncReport(
    String source,
    int requests,
    long created,
    long updated,
    long unchanged,
    long rejected,
    List<String> notes) {

  public SyncReport {
    notes = List.copyOf(notes);
  }

  @Override
  public String toString() {
    return String.format(
        "%s: %d requests, %,d new, %,d updated, %,d unchanged, %,d rejected%s",
        source,
        requests,
        created,
        updated,
        unchanged,
        rejected,
        notes.isEmpty() ? "" : "\n  " + String.join("\n  ", notes));
  }

  /** Adds up the imports of one run. */
  static final class Tally {
    private final String source;
    private int requests;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<String> notes = new ArrayList<>();

    Tally(Source source) {
      this(source.id());
    }

    Tally(String source) {
      this.source = source;
    }

    void request() {
      requests++;
    }

    void add(ImportReport r) {
      created += r.created();
      updated += r.updated();
      unchanged += r.unchanged();
      rejected += r.rejected();
      r.rejections().forEach(x -> notes.add("rejected " + x));
    }

    /** Adds another report's counts and notes, its requests included. */
    void add(SyncReport r) {
      requests += r.requests();
      created += r.created();
      updated += r.updated();
      unchanged += r.unchanged();
      rejected += r.rejected();
      notes.addAll(r.notes());
    }

    void note(String note) {
      notes.add(note);
    }

    SyncReport report() {
      return new SyncReport(source, requests, created, updated, unchanged, rejected, notes);
    }
  }
}
