package dev.paperboy.sources;

/**
 * A source could not give us what we asked for; the message says why in an operator's words ("HTTP
 * 503 after 4 tries", "no answer within 60 s", "an HTML page instead of XML").
 */
public final class SourceUnavailable extends RuntimeException {

  private final boolean unreachable;

  SourceUnavailable(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  SourceUnavailable(String message) {
    this(message, false, null);
  }

  /** What the operator is told of a fault of ours (a bug, the database): the log has the rest. */
  static final String OUR_FAULT = "failed on our side; the server log has the details";

  /** {@code job} failed through no fault of its source; the cause stays out of the message. */
  static SourceUnavailable ourFault(String job, RuntimeException cause) {
    return new SourceUnavailable(job + " " + OUR_FAULT, false, cause);
  }

  /** True when the source did not answer at all (network down, refused, timed out). */
  public boolean unreachable() {
    return unreachable;
  }
}
