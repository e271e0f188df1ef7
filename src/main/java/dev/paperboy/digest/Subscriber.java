package dev.paperboy.digest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who asked for digests: topics are search queries (none means all trending), the cadence
 * is daily or weekly, delivered at {@code hour} in {@code zone}. The manage serial goes into the
 * digest's "change topics or schedule" links; "sign out everywhere" moves it on.
 */
public record Subscriber(
    UUID id,
    String email,
    String status,
    List<String> topics,
    String cadence,
    int hour,
    String zone,
    int bounces,
    Instant confirmedAt,
    long manageSerial) {

  public boolean confirmed() {
    return status.equals("confirmed");
  }
}
