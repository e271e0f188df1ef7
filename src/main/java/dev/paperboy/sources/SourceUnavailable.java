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

  /** True when the source did not answer at all (network down, refused, timed out). */
  public boolean unreachable() {
    return unreachable;
  }
}
