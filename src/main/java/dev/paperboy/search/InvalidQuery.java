package dev.paperboy.search;

/** A search that cannot be run as asked; the message tells the reader what to change. */
public final class InvalidQuery extends RuntimeException {

  public InvalidQuery(String message) {
    super(message);
  }
}
