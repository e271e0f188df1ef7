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
      if (s.endsWith(" GMT")) {
        return gmt(s);
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

  /**
   * "Mon, 2 Apr 2007 19:18:42 GMT", as the arXiv snapshot dates every version: in GMT the day is
   * the written one, read without the general RFC 1123 parser (a third of the snapshot's parse).
   */
  private static LocalDate gmt(String s) {
    String[] parts = s.split(" ");
    if (parts.length != 6 || !parts[0].endsWith(",")) {
      throw new DateTimeParseException("not RFC 1123", s, 0);
    }
    int month = MONTHS.indexOf(parts[2]);
    if (parts[2].length() != 3 || month % 3 != 0) {
      throw new DateTimeParseException("not RFC 1123", s, 0);
    }
    try {
      return LocalDate.of(Integer.parseInt(parts[3]), month / 3 + 1, Integer.parseInt(parts[1]));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new DateTimeParseException("not RFC 1123", s, 0);
    }
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
