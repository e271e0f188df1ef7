package dev.paperboy.ingest;

/** One record cannot be imported; the message says why, in words an operator can act on. */
final class BadRecord extends RuntimeException {

  BadRecord(String reason) {
    super(reason);
  }
}
