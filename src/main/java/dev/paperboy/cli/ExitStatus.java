package dev.paperboy.cli;

/**
 * The exit codes scripts can rely on, the same for every command (README, "Exit codes"): all done,
 * partly done, a usage mistake, nothing done.
 */
enum ExitStatus {
  /** Everything asked for was done: every record imported or unchanged, every source synced. */
  DONE(0),
  /** Some records, files or sources failed; the rest was done. */
  PARTLY(1),
  /** The command line was wrong: an unknown command, option or source, a missing file. */
  USAGE(2),
  /** Nothing could be done: every file or record rejected, every source failed, data in use. */
  NOTHING(3);

  final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /** The status of work in which {@code succeeded} things worked and {@code failed} did not. */
  static ExitStatus of(long succeeded, long failed) {
    if (failed == 0) {
      return DONE;
    }
    return succeeded == 0 ? NOTHING : PARTLY;
  }
}
