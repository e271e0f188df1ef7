package dev.paperboy.trending;

import dev.paperboy.search.InvalidQuery;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of time one trending list ranks, scored as of its end: the rolling window that ends
 * now ({@code key} null), or one UTC day, ISO week or calendar month, named by its {@code key}
 * ({@code 2026-11-27}, {@code 2026-W48}, {@code 2026-11}); the one still under way ends now.
 */
public record TrendingPeriod(Window window, String key, Instant start, Instant end) {

  /** No list before arXiv's first year: an older period is not found, however well written. */
  static final LocalDate FIRST_DAY = LocalDate.of(1991, 1, 1);

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  public TrendingPeriod {
    if (window == null || start == null || end == null || !start.isBefore(end)) {
      throw new IllegalArgumentException("a period needs a window and a start before its end");
    }
  }

  /** The window's length ending at {@code now}: what the tabs and {@code /trending} show. */
  public static TrendingPeriod rolling(Window window, Instant now) {
    return new TrendingPeriod(window, null, now.minus(window.length()), now);
  }

  /**
   * The calendar period {@code key} names for the window's kind; a malformed key is an {@link
   * InvalidQuery}, a period in the future or before 1991 is {@link NoSuchPeriod}.
   */
  public static TrendingPeriod of(Window window, String key, Instant now) {
    String text = key == null ? "" : key.strip();
    LocalDate day =
        switch (window) {
          case DAY -> day(text);
          case WEEK -> week(text);
          case MONTH -> month(text);
        };
    return containing(window, day, now);
  }

  public boolean isRolling() {
    return key == null;
  }

  /** The period just before: from a rolling list, the last calendar period that has ended. */
  public Optional<TrendingPeriod> previous(Instant now) {
    LocalDate first = isRolling() ? firstDay(window, today(now)) : startDay();
    LocalDate before = first.minusDays(1);
    return before.isBefore(FIRST_DAY)
        ? Optional.empty()
        : Optional.of(containing(window, before, now));
  }

  /**
   * The period just after, never one in the future: the rolling list follows the last calendar
   * period that has ended, and nothing follows the rolling list or the period under way.
   */
  public Optional<TrendingPeriod> next(Instant now) {
    if (isRolling()) {
      return Optional.empty();
    }
    LocalDate after = following(window, startDay());
    if (after.isAfter(today(now))) {
      return Optional.empty();
    }
    return after.equals(firstDay(window, today(now)))
        ? Optional.of(rolling(window, now))
        : Optional.of(containing(window, after, now));
  }

  /** The page of this list: {@code /trending}, {@code /trending/week/2026-W48}... */
  public String path() {
    String base = window == Window.DAY ? "/trending" : "/trending/" + window.id();
    return isRolling() ? base : base + "/" + key;
  }

  /** The query naming this list in {@code /api/trending} and the trending feeds. */
  public String query() {
    if (isRolling()) {
      return "window=" + window.id();
    }
    return switch (window) {
      case DAY -> "date=" + key;
      case WEEK -> "week=" + key;
      case MONTH -> "month=" + key;
    };
  }

  /** A reader's name for the list: "today", "27 November 2026", "week 48 of 2026"... */
  public String title() {
    if (isRolling()) {
      return switch (window) {
        case DAY -> "today";
        case WEEK -> "this week";
        case MONTH -> "this month";
      };
    }
    LocalDate first = startDay();
    return switch (window) {
      case DAY -> first.getDayOfMonth() + " " + monthName(first) + " " + first.getYear();
      case WEEK ->
          "week "
              + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
              + " of "
              + first.get(IsoFields.WEEK_BASED_YEAR)
              + " (from "
              + first.getDayOfMonth()
              + " "
              + monthName(first)
              + ")";
      case MONTH -> monthName(first) + " " + first.getYear();
    };
  }

  private static String monthName(LocalDate day) {
    return day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private LocalDate startDay() {
    return start.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The calendar period of the window's kind around {@code day}, ending no later than now. */
  static TrendingPeriod containing(Window window, LocalDate day, Instant now) {
    LocalDate first = firstDay(window, day);
    Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (first.isBefore(FIRST_DAY) || !start.isBefore(now)) {
      throw new NoSuchPeriod(
          "no trending list for " + key(window, first) + ": it is not yet," + " or before 1991");
    }
    Instant end = following(window, first).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new TrendingPeriod(window, key(window, first), start, end.isBefore(now) ? end : now);
  }

  private static LocalDate firstDay(Window window, LocalDate day) {
    return switch (window) {
      case DAY -> day;
      case WEEK -> day.with(DayOfWeek.MONDAY);
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one that begins on {@code first}. */
  private static LocalDate following(Window window, LocalDate first) {
    return switch (window) {
      case DAY -> first.plusDays(1);
      case WEEK -> first.plusWeeks(1);
      case MONTH -> first.plusMonths(1);
    };
  }

  private static String key(Window window, LocalDate first) {
    return switch (window) {
      case DAY -> first.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%04d-W%02d",
              first.get(IsoFields.WEEK_BASED_YEAR),
              first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(first).toString();
    };
  }

  private static LocalDate today(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate day(String text) {
    try {
      if (DAY.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // falls through to the one message
    }
    throw new InvalidQuery("a day is written like 2026-11-27");
  }

  private static LocalDate week(String text) {
    Matcher m = WEEK.matcher(text);
    if (m.matches()) {
      LocalDate jan4 = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4);
      long week = Long.parseLong(m.group(2));
      if (IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).isValidValue(week)) {
        return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
      }
    }
    throw new InvalidQuery(
        "a week is an ISO week like 2026-W48 (W01 to W52, or W53 in long years)");
  }

  private static LocalDate month(String text) {
    try {
      if (MONTH.matcher(text).matches()) {
        return YearMonth.parse(text).atDay(1);
      }
    } catch (DateTimeParseException e) {
      // falls through to the one message
    }
    throw new InvalidQuery("a month is written like 2026-11");
  }
}
