package dev.paperboy.library;

/**
 * A library file or body that yields no entry at all: not text, in no format we read, or malformed
 * from its first entry; the message says what and where.
 */
public final class UnreadableLibrary extends RuntimeException {

  UnreadableLibrary(String message) {
    super(message);
  }
}
