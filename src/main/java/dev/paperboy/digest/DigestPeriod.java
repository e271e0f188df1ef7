package dev.paperboy.digest;

import dev.paperboy.trending.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * Which digest is current for a subscriber: one a day ({@code 2026-11-27}) or one an ISO week
 * ({@code 2026-W48}), in their own time zone; due from their hour on (weekly: on Mondays). Its
 * papers are the trending papers of the matching {@link Window}: a day, or a week.
 */
record DigestPeriod(String key, Window window, boolean due) {

  static DigestPeriod of(Subscriber s, Instant now) {
    ZonedDateTime local = now.atZone(ZoneId.of(s.zone()));
    LocalDate today = local.toLocalDate();
    boolean afterHour = local.getHour() >= s.hour();
    if (s.cadence().equals("weekly")) {
      String key =
          today.get(IsoFields.WEEK_BASED_YEAR)
              + "-W"
              + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      boolean monday = today.getDayOfWeek() == DayOfWeek.MONDAY;
      return new DigestPeriod(key, Window.WEEK, afterHour && monday);
    }
    return new DigestPeriod(today.toString(), Window.DAY, afterHour);
  }
}
