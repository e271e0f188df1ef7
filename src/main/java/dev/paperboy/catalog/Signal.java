package dev.paperboy.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A popularity figure a source reported for a paper (e.g. Hugging Face upvotes), kept per source
 * and kind with the time it was observed; the trending score reads these.
 */
public record Signal(PaperId paperId, String source, String kind, long value, Instant observedAt) {

  public Signal {
    Objects.requireNonNull(paperId, "paperId == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(observedAt, "observedAt == null");
  }
}
