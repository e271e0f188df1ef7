package dev.paperboy.cli;

/** A command could not do its work; the message is printed as is. */
final class CommandFailed extends RuntimeException {

  CommandFailed(String message, Throwable cause) {
    super(message, cause);
  }

  CommandFailed(String message) {
    super(message);
  }
}
