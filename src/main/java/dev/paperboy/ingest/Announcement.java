package dev.paperboy.ingest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What arXiv's announcement feeds (rss.arxiv.org, RSS 2.0 and Atom) add to a paper: the abstract is
 * prefixed with "arXiv:ID Announce Type: new Abstract:", and the entry's date is the day of the
 * announcement, which is the paper's publication only for a new submission. A replacement's date is
 * when it was updated; its first publication stays what the catalog already knows.
 */
record Announcement(LocalDate published, LocalDate updated) {

  private static final Pattern PREFIX =
      Pattern.compile("^\\s*arXiv:\\S+\\s+Announce Type:\\s*\\S+\\s+Abstract:\\s*");

  /** The abstract without the announcement prefix; text without one is returned as it is. */
  static String abstractOf(String description) {
    return description == null ? null : PREFIX.matcher(description).replaceFirst("");
  }

  /**
   * The dates an entry gives: {@code new} (and a cross-listing of a first version) was published
   * that day; {@code replace}, {@code replace-cross} and later versions were updated that day.
   */
  static Announcement dated(String announceType, Integer version, LocalDate day) {
    String type = announceType == null ? "new" : announceType.strip().toLowerCase(Locale.ROOT);
    boolean firstVersion = version == null || version == 1;
    boolean published = type.equals("new") || (type.equals("cross") && firstVersion);
    return published ? new Announcement(day, null) : new Announcement(null, day);
  }
}
