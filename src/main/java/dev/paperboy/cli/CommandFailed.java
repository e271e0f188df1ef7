package dev.paperboy.cli;

/** A command could not do its work; the message is printed as is, the status is the exit code. */
final class CommandFailed extends RuntimeException {

  final ExitStatus status;

  CommandFailed(String message, Throwable cause) {
    super(message, cause);
    this.status = ExitStatus.NOTHING;
  }

  CommandFailed(String message) {
    this(ExitStatus.NOTHING, message);
  }

  CommandFailed(ExitStatus status, String message) {
    super(message);
    this.status = status;
  }
}
