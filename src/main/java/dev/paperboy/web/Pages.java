package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.TexText;
import dev.paperboy.foryou.Feedback;
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
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The server-rendered pages: home (newest papers), search results, and one paper. */
@Controller
class Pages {

  static final int PAGE_SIZE = 20;

  /** Authors listed on a paper's page before the rest are folded away. */
  static final int AUTHORS_SHOWN = 10;

  /** An author as the paper page shows one: the name decoded, and the search by that name. */
  record Byline(String name, String query, List<String> affiliations) {
    static Byline of(Author a) {
      return new Byline(
          TexText.decode(a.name()),
          "author:\"" + TexText.decode(a.name()) + "\"",
          a.affiliations().stream().map(TexText::decode).toList());
    }
  }

  private final Catalog catalog;
  private final PaperSearch search;
  private final TrendingLists lists;
  private final Signals signals;
  private final Session session;
  private final Cards cards;
  private final Feedback feedback;

  Pages(
      Catalog catalog,
      PaperSearch search,
      TrendingLists lists,
      Signals signals,
      Session session,
      Cards cards,
      Feedback feedback) {
    this.catalog = catalog;
    this.search = search;
    this.lists = lists;
    this.signals = signals;
    this.session = session;
    this.cards = cards;
    this.feedback = feedback;
  }

  @GetMapping("/")
  String home(
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "day") String window,
      Model model,
      HttpServletRequest request) {
    if (page < 1) {
      throw new InvalidQuery("page must be 1 or more");
    }
    if (!window.equals("new")) {
      return lists.show(lists.rolling(window), model, request);
    }
    model.addAttribute("window", window);
    long total = search.size();
    model.addAttribute("total", total);
    var papers = catalog.newest(page, PAGE_SIZE);
    model.addAttribute("papers", papers);
    model.addAttribute("cards", cards.of(papers, request));
    model.addAttribute("page", page);
    model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
    return "home";
  }

  @GetMapping("/search")
  String search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String cat,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "hybrid") String mode,
      @RequestParam(required = false) String spelling,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("q", q);
    model.addAttribute("spelling", blankToNull(spelling));
    model.addAttribute("cat", cat == null ? "" : cat);
    // Dates are read here, not bound by Spring, so a bad one is shown beside its field with
    // everything typed kept, instead of an error page.
    model.addAttribute("from", from.isBlank() ? null : from);
    model.addAttribute("to", to.isBlank() ? null : to);
    model.addAttribute("mode", mode);
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate since = date(from, "from", problems);
    LocalDate until = date(to, "to", problems);
    if (!problems.isEmpty()) {
      model.addAttribute("fieldProblems", problems);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "search";
    }
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
                  q,
                  SearchMode.parse(mode),
                  blankToNull(cat),
                  since,
                  until,
                  page,
                  PAGE_SIZE,
                  SearchRequest.asTyped(spelling)));
      model.addAttribute("results", results);
      model.addAttribute("hitCards", cards.ofHits(results.hits(), request));
      model.addAttribute("closestCards", cards.ofHits(results.closest(), request));
      String searched = results.correction() == null ? q : results.correction().corrected();
      model.addAttribute(
          "chart", WeeklyChart.of(search.weekly(searched, LocalDate.now(), 52), LocalDate.now()));
    } catch (InvalidQuery e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", e.getMessage());
    }
    return "search";
  }

  /**
   * A filter's date, or null when none is given or it is not a date; then {@code problems} says why
   * under the field's id, for the page to show beside it.
   */
  private static LocalDate date(String typed, String field, Map<String, String> problems) {
    if (typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      problems.put(field, "“" + typed + "” is not a date: give one like 2024-10-28");
      return null;
    }
  }

  @GetMapping("/papers/{*id}")
  String paper(@PathVariable String id, Model model, HttpServletRequest request) {
    var paper = catalog.get(id.startsWith("/") ? id.substring(1) : id);
    PaperId paperId = paper.id();
    model.addAttribute("paper", paper);
    model.addAttribute("displayTitle", TexText.decode(paper.title()));
    model.addAttribute("plainTitle", TexText.plain(paper.title()));
    model.addAttribute("citation", paper);
    model.addAttribute("links", PaperLinks.of(paper));
    List<Byline> bylines = paper.authors().stream().map(Byline::of).toList();
    int shown = Math.min(bylines.size(), AUTHORS_SHOWN);
    model.addAttribute("authorsShown", bylines.subList(0, shown));
    model.addAttribute("authorsFolded", bylines.subList(shown, bylines.size()));
    model.addAttribute("related", cards.of(search.related(paper.id(), Api.RELATED), request));
    String key = paper.id().toString();
    signals.viewed(key, ClientAddress.of(request).key(), request.getHeader("User-Agent"));
    model.addAttribute("tally", Tally.of(signals.votes(key), catalog.signals(paperId)));
    var reader = session.current(request);
    model.addAttribute("signedIn", reader.isPresent());
    model.addAttribute("voted", reader.map(r -> signals.voted(r.id(), key)).orElse(false));
    model.addAttribute("saved", reader.map(r -> signals.saved(r.id(), key)).orElse(false));
    // the reader's own word on the paper (👍, 👎 or not interested), wherever they said it
    model.addAttribute(
        "said",
        reader.flatMap(r -> feedback.of(r.id(), key)).map(Feedback.Signal::wire).orElse(""));
    return "paper";
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
