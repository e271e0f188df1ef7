package dev.paperboy.web;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchQuery;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.trending.Signals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages: home (newest papers), search results, and one paper. */
@Controller
class Pages {

  static final int PAGE_SIZE = 20;

  private final Catalog catalog;
  private final PaperSearch search;
  private final TrendingLists lists;
  private final Signals signals;
  private final Session session;

  Pages(
      Catalog catalog, PaperSearch search, TrendingLists lists, Signals signals, Session session) {
    this.catalog = catalog;
    this.search = search;
    this.lists = lists;
    this.signals = signals;
    this.session = session;
  }

  @GetMapping("/")
  String home(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "day") String window,
      Model model) {
    if (page < 1) {
      throw new InvalidQuery("page must be 1 or more");
    }
    if (!window.equals("new")) {
      return lists.show(lists.rolling(window), model);
    }
    model.addAttribute("window", window);
    long total = search.size();
    model.addAttribute("total", total);
    model.addAttribute("papers", catalog.newest(page, PAGE_SIZE));
    model.addAttribute("page", page);
    model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
    return "home";
  }

  @GetMapping("/search")
  String search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String cat,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "hybrid") String mode,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("q", q);
    model.addAttribute("cat", cat == null ? "" : cat);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("mode", mode);
    boolean blank = SearchQuery.parse(q).isEmpty() && (cat == null || cat.isBlank());
    if (blank) {
      if (!q.isBlank()) {
        model.addAttribute("empty", InvalidQuery.EMPTY);
      }
      return "search";
    }
    try {
      SearchResults results =
          search.search(
              new SearchRequest(
                  q, SearchMode.parse(mode), blankToNull(cat), from, to, page, PAGE_SIZE));
      model.addAttribute("results", results);
      model.addAttribute(
          "chart", WeeklyChart.of(search.weekly(q, LocalDate.now(), 52), LocalDate.now()));
    } catch (InvalidQuery e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", e.getMessage());
    }
    return "search";
  }

  @GetMapping("/papers/{*id}")
  String paper(@PathVariable String id, Model model, HttpServletRequest request) {
    var paper = catalog.get(id.startsWith("/") ? id.substring(1) : id);
    PaperId paperId = paper.id();
    model.addAttribute("paper", paper);
    model.addAttribute("citation", paper);
    model.addAttribute("links", PaperLinks.of(paper));
    model.addAttribute("related", search.related(paper.id(), Api.RELATED));
    String key = paper.id().toString();
    signals.viewed(key, ClientAddress.of(request).key(), request.getHeader("User-Agent"));
    model.addAttribute("votes", signals.votes(key));
    var reader = session.current(request);
    model.addAttribute("signedIn", reader.isPresent());
    model.addAttribute("voted", reader.map(r -> signals.voted(r.id(), key)).orElse(false));
    model.addAttribute("saved", reader.map(r -> signals.saved(r.id(), key)).orElse(false));
    model.addAttribute("signals", catalog.signals(paperId));
    return "paper";
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
