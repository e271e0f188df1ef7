package dev.paperboy.web;

import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.TrendingPeriod;
import dev.paperboy.trending.Window;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Which trending list a request names — the tabs' rolling windows or a past day, week or month —
 * and the home page's model for showing it with its previous and next lists.
 */
@Component
class TrendingLists {

  private final Trending trending;
  private final PaperSearch search;
  private final Cards cards;

  TrendingLists(Trending trending, PaperSearch search, Cards cards) {
    this.trending = trending;
    this.search = search;
    this.cards = cards;
  }

  /**
   * The rolling window, or the past period one of {@code date}, {@code week}, {@code month} names.
   */
  TrendingPeriod period(String window, String date, String week, String month) {
    long named = Stream.of(date, week, month).filter(s -> s != null).count();
    if (named > 1) {
      throw new InvalidQuery("name one period: date, week or month");
    }
    Instant now = trending.now();
    if (date != null) {
      return TrendingPeriod.of(Window.DAY, date, now);
    }
    if (week != null) {
      return TrendingPeriod.of(Window.WEEK, week, now);
    }
    if (month != null) {
      return TrendingPeriod.of(Window.MONTH, month, now);
    }
    return rolling(window);
  }

  TrendingPeriod rolling(String window) {
    return TrendingPeriod.rolling(TrendingPages.window(window), trending.now());
  }

  TrendingPeriod past(Window window, String key) {
    return TrendingPeriod.of(window, key, trending.now());
  }

  /** Fills the home page's model with the period's list; returns the view's name. */
  String show(TrendingPeriod period, Model model, HttpServletRequest request) {
    Instant now = trending.now();
    model.addAttribute("window", period.window().id());
    model.addAttribute("period", period);
    model.addAttribute("previous", period.previous(now).orElse(null));
    model.addAttribute("next", period.next(now).orElse(null));
    model.addAttribute("total", search.size());
    var trends = trending.top(period, null, TrendingPages.TRENDING);
    model.addAttribute("trends", trends);
    model.addAttribute("cards", cards.ofTrends(trends, request));
    return "home";
  }
}
