package dev.paperboy.digest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reader's account, named by an address that an emailed link proved ({@code confirmed}), with the
 * digest as one of its settings: on or off, topics as search queries (none means all trending), a
 * daily or weekly cadence, delivered at {@code hour} in {@code zone}. The manage serial goes into
 * the digest's "change topics or schedule" links; "sign out everywhere" moves it on.
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
    long manageSerial,
    boolean digest) {

  /** The address is proven by a link that was used, and does not bounce. */
  public boolean confirmed() {
    return status.equals("confirmed");
  }

  /** Digests go out: the digest is on, to a confirmed address. */
  public boolean receivesDigest() {
    return digest && confirmed();
  }
}
