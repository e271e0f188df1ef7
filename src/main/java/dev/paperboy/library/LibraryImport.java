package dev.paperboy.library;

import java.util.List;

/**
 * What one import did: the format read, how many entries it held, papers newly added to the library
 * and those already in it, the entries that matched nothing (at most {@link #LISTED}), the entries
 * skipped as malformed (at most {@link #LISTED}, with {@code rejectedCount} all of them), and the
 * entries that named a paper or unmatched entry an earlier entry of the file already named; so
 * {@code added + already + unmatchedCount + rejectedCount + repeated == entries}.
 */
public record LibraryImport(
    String format,
    int entries,
    int added,
    int already,
    int unmatchedCount,
    List<Unmatched> unmatched,
    int rejectedCount,
    List<Rejected> rejected,
    int repeated) {

  /** Entries listed by kind in one answer; the library page lists every unmatched one. */
  public static final int LISTED = 1_000;

  public LibraryImport {
    unmatched = List.copyOf(unmatched.subList(0, Math.min(unmatched.size(), LISTED)));
    rejected = List.copyOf(rejected.subList(0, Math.min(rejected.size(), LISTED)));
  }
}
