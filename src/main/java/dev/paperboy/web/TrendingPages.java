package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.trending.Signals;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.Window;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Trending (API), votes, saved papers and the reader's library. */
@Controller
class TrendingPages {

  static final int TRENDING = 20;

  private final Trending trending;
  private final Signals signals;
  private final Catalog catalog;
  private final Session session;

  TrendingPages(Trending trending, Signals signals, Catalog catalog, Session session) {
    this.trending = trending;
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

  @GetMapping("/api/trending")
  @ResponseBody
  Map<String, Object> api(
      @RequestParam(defaultValue = "day") String window,
      @RequestParam(defaultValue = "") String topic) {
    Window w = window(window);
    return Map.of(
        "window",
        w.id(),
        "topic",
        topic,
        "results",
        trending.top(w, topic, TRENDING).stream()
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
  }

  /** A form's choice must be one it offers; anything else would quietly do the default. */
  private static void oneOf(String name, String value, String... allowed) {
    if (!List.of(allowed).contains(value)) {
      throw new InvalidQuery(name + " must be " + String.join(" or ", allowed));
    }
  }

  /** Upvote ({@code action=up}) or take the vote back ({@code action=undo}). */
  @PostMapping("/vote")
  String vote(
      @RequestParam String paper,
      @RequestParam(defaultValue = "up") String action,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    oneOf("action", action, "up", "undo");
    Optional<Subscriber> who = session.current(request);
    String id = catalog.get(paper).id().toString();
    if (who.isEmpty()) {
      return "redirect:/signin";
    }
    try {
      String client = ClientAddress.of(request).key();
      if (action.equals("undo")) {
        signals.unvote(who.get().id(), id, client);
      } else {
        signals.vote(who.get().id(), id, client);
      }
    } catch (Signals.TooFast e) {
      response.setStatus(429);
      model.addAttribute("title", "Slow down");
      model.addAttribute("text", e.getMessage());
      return "message";
    }
    return "redirect:/papers/" + id;
  }

  @PostMapping("/save")
  String save(
      @RequestParam String paper,
      @RequestParam(defaultValue = "save") String action,
      HttpServletRequest request) {
    oneOf("action", action, "save", "unsave");
    Optional<Subscriber> who = session.current(request);
    String id = catalog.get(paper).id().toString();
    if (who.isEmpty()) {
      return "redirect:/signin";
    }
    signals.save(who.get().id(), id, !action.equals("unsave"));
    return "redirect:/papers/" + id;
  }

  @GetMapping("/library")
  String library(HttpServletRequest request, Model model) {
    Optional<Subscriber> who = session.current(request);
    if (who.isEmpty()) {
      return "redirect:/signin";
    }
    List<String> ids = signals.library(who.get().id());
    model.addAttribute(
        "papers", catalog.findAll(ids.stream().map(i -> PaperId.parse(i).orElseThrow()).toList()));
    model.addAttribute("ids", ids);
    return "library";
  }
}
