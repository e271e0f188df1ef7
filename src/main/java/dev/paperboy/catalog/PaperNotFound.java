package dev.paperboy.catalog;

/** Thrown when a paper id names nothing in the catalog. */
public final class PaperNotFound extends RuntimeException {

  public PaperNotFound(String id) {
    super("no paper with id " + id);
  }
}
