package dev.paperboy.trending;

/** A well-formed trending period that has no list: one in the future, or before arXiv began. */
public final class NoSuchPeriod extends RuntimeException {

  NoSuchPeriod(String message) {
    super(message);
  }
}
