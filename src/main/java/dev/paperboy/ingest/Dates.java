package dev.paperboy.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date spellings our sources use: ISO dates, ISO instants, and RFC 1123 (arXivRaw). */
final class Dates {

  private Dates() {}

  /** The UTC calendar date of the text; null for blank; {@link BadRecord} for anything else. */
  static LocalDate parse(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      if (Character.isDigit(s.charAt(0))) {
        return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      }
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC)
          .toLocalDate();
    } catch (DateTimeParseException e) {
      throw new BadRecord(field + " is not a date: \"" + abbreviate(s) + "\"");
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
