package dev.paperboy.foryou;

/**
 * Feedback that cannot be recorded as asked: an unknown signal, or a paper id no one could mean.
 */
public final class InvalidFeedback extends RuntimeException {

  public InvalidFeedback(String message) {
    super(message);
  }
}
