package dev.paperboy.ingest;

import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import java.util.List;

/** Where a parser sends each record it read, or the reason it could not read one. */
interface RecordSink {

  /**
   * A record read whole. {@code position} says where it stood in the file ("entry 3", "line 7").
   */
  void accept(String position, Paper paper, List<Signal> signals);

  void reject(String position, String reason);

  /**
   * The rest of the file cannot be read (malformed, truncated, refused); what came before stays.
   * Counts as one rejected record.
   */
  default void stopped(String position, String reason) {
    reject(position, reason);
  }

  /** Something worth telling the operator that is not a rejection (a resumption token, say). */
  default void note(String message) {}
}
