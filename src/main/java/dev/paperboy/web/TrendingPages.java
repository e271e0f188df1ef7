package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.trending.Signals;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.TrendingPeriod;
import dev.paperboy.trending.Window;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Trending lists (pages and API), votes and saved papers. */
@Controller
class TrendingPages {

  static final int TRENDING = 20;

  private final Trending trending;
  private final TrendingLists lists;
  private final Signals signals;
  private final Catalog catalog;
  private final Session session;

  TrendingPages(
      Trending trending, TrendingLists lists, Signals signals, Catalog catalog, Session session) {
    this.trending = trending;
    this.lists = lists;
    this.signals = signals;
    this.catalog = catalog;
    this.session = session;
  }

  static Window window(String text) {
    return Window.parse(text)
        .orElseThrow(() -> new InvalidQuery("window must be day, week or month"));
  }

  /** One trending paper as the API shows it. */
  record Trend(
      String id,
      String title,
      List<String> authors,
      LocalDate published,
      List<String> categories,
      double score,
      double votes,
      long upvotes,
      long views) {}

  @GetMapping("/trending")
  String today(Model model, HttpServletRequest request) {
    return lists.show(lists.rolling("day"), model, request);
  }

  @GetMapping("/trending/week")
  String thisWeek(Model model, HttpServletRequest request) {
    return lists.show(lists.rolling("week"), model, request);
  }

  @GetMapping("/trending/month")
  String thisMonth(Model model, HttpServletRequest request) {
    return lists.show(lists.rolling("month"), model, request);
  }

  @GetMapping("/trending/{date}")
  String day(@PathVariable String date, Model model, HttpServletRequest request) {
    return lists.show(lists.past(Window.DAY, date), model, request);
  }

  @GetMapping("/trending/week/{week}")
  String week(@PathVariable String week, Model model, HttpServletRequest request) {
    return lists.show(lists.past(Window.WEEK, week), model, request);
  }

  @GetMapping("/trending/month/{month}")
  String month(@PathVariable String month, Model model, HttpServletRequest request) {
    return lists.show(lists.past(Window.MONTH, month), model, request);
  }

  /** A trending list: the rolling {@code window}, or a past {@code date}, {@code week} or month. */
  @Transactional(readOnly = true)
  @GetMapping("/api/trending")
  @ResponseBody
  Map<String, Object> api(
      @RequestParam(defaultValue = "day") String window,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String week,
      @RequestParam(required = false) String month,
      @RequestParam(defaultValue = "") String topic) {
    TrendingPeriod period = lists.period(window, date, week, month);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("window", period.window().id());
    answer.put("period", period.key());
    answer.put("start", period.start().toString());
    answer.put("end", period.end().toString());
    answer.put("topic", topic);
    answer.put(
        "results",
        trending.top(period, topic, TRENDING).stream()
            .map(
                t ->
                    new Trend(
                        t.paper().id().toString(),
                        t.paper().title(),
                        t.paper().authors().stream().map(Author::name).toList(),
                        t.paper().published(),
                        t.paper().categories(),
                        t.score(),
                        t.votes(),
                        t.upvotes(),
                        t.views()))
            .toList());
    return answer;
  }

  /** A form's choice must be one it offers; anything else would quietly do the default. */
  /** A parameter that must be one of a few words; {@link InvalidQuery} (400) otherwise. */
  static void oneOf(String name, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new InvalidQuery(name + " must be " + String.join(" or ", allowed));
    }
  }

  /** Upvote ({@code action=up}) or take the vote back ({@code action=undo}). */
  @PostMapping("/vote")
  String vote(
      @RequestParam String paper,
      @RequestParam(defaultValue = "up") String action,
      @RequestParam(required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    oneOf("action", action, "up", "undo");
    String id = catalog.get(paper).id().toString();
    Subscriber who = session.required(request);
    try {
      String client = ClientAddress.of(request).key();
      if (action.equals("undo")) {
        signals.unvote(who.id(), id, client);
      } else {
        signals.vote(who.id(), id, client);
      }
    } catch (Signals.TooFast e) {
      response.setStatus(429);
      model.addAttribute("title", "Slow down");
      model.addAttribute("text", e.getMessage());
      return "message";
    }
    return "redirect:" + backOr(back, id);
  }

  /**
   * Where a vote or save from a card returns: the list it was on when {@code back} is a path on
   * this site, else the paper's page; never another site, so the field cannot open a redirect.
   */
  static String backOr(String back, String paperId) {
    boolean local =
        back != null
            && back.startsWith("/")
            && !back.startsWith("//")
            && back.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f);
    return local ? back : "/papers/" + paperId;
  }

  @PostMapping("/save")
  String save(
      @RequestParam String paper,
      @RequestParam(defaultValue = "save") String action,
      @RequestParam(required = false) String back,
      HttpServletRequest request) {
    oneOf("action", action, "save", "unsave");
    String id = catalog.get(paper).id().toString();
    Subscriber who = session.required(request);
    signals.save(who.id(), id, !action.equals("unsave"));
    return "redirect:" + backOr(back, id);
  }
}
