package dev.paperboy.digest;

/** A subscription request that cannot be accepted as given; the message says what to fix. */
public final class InvalidSubscription extends RuntimeException {

  public InvalidSubscription(String message) {
    super(message);
  }
}
