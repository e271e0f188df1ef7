package dev.paperboy.sources;

/**
 * What running one source by hand came to: its report, or why it failed. A run of several sources
 * has one outcome each, so one unreachable host does not hide the others.
 *
 * @param source the source's name
 * @param report what it did; null when it failed
 * @param error why it failed, in the operator's words; null when it worked
 */
public record SyncOutcome(String source, SyncReport report, String error) {

  static SyncOutcome of(SyncReport report) {
    return new SyncOutcome(report.source(), report, null);
  }

  static SyncOutcome failed(Source source, String error) {
    return new SyncOutcome(source.id(), null, error);
  }

  public boolean failed() {
    return error != null;
  }
}
