package dev.paperboy.search;

/** A search that cannot be run as asked; the message tells the reader what to change. */
public final class InvalidQuery extends RuntimeException {

  /** What a reader is told about a query with nothing searchable in it. */
  public static final String EMPTY =
      "the query is empty: type some words, a \"phrase\", author:name or cat:cs.CL";

  public InvalidQuery(String message) {
    super(message);
  }
}
