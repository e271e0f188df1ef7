package dev.paperboy.runtime;

/**
 * A setting the operator gave cannot be used (a missing secret, an unknown or unreadable embedding
 * model); the message says which and what to do. Commands print it on one line and exit with status
 * 3 instead of a stack trace.
 */
public class InvalidSetting extends IllegalStateException {

  public InvalidSetting(String message) {
    super(message);
  }

  public InvalidSetting(String message, Throwable cause) {
    super(message, cause);
  }
}
