package dev.paperboy.web;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.PaperNotFound;
import dev.paperboy.catalog.TexText;
import dev.paperboy.catalog.Text;
import dev.paperboy.runtime.SiteAddress;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.TrendingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atom and RSS feeds of trending (per window) and of any search, written with Rome; BibTeX of
 * chosen papers or of a search page.
 */
@RestController
class Feeds {

  static final int MAX_IDS = 500;

  private final Trending trending;
  private final TrendingLists lists;
  private final PaperSearch search;
  private final dev.paperboy.catalog.Catalog catalog;
  private final SiteAddress site;

  Feeds(
      Trending trending,
      TrendingLists lists,
      PaperSearch search,
      dev.paperboy.catalog.Catalog catalog,
      SiteAddress site) {
    this.trending = trending;
    this.lists = lists;
    this.search = search;
    this.catalog = catalog;
    this.site = site;
  }

  /** The feed of one trending list, named as {@code /api/trending} names it. */
  @Transactional(readOnly = true)
  @GetMapping("/feed/trending.{format}")
  ResponseEntity<String> trending(
      @PathVariable String format,
      @RequestParam(defaultValue = "day") String window,
      @RequestParam(required = false) String date,
      @RequestParam(required = false) String week,
      @RequestParam(required = false) String month)
      throws FeedException {
    TrendingPeriod period = lists.period(window, date, week, month);
    List<Paper> papers =
        trending.top(period, null, TrendingPages.TRENDING).stream()
            .map(Trending.Trend::paper)
            .toList();
    return feed(format, "Paperboy: trending papers, " + period.title(), period.path(), papers);
  }

  @Transactional(readOnly = true)
  @GetMapping("/feed/search.{format}")
  ResponseEntity<String> search(
      @PathVariable String format,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "hybrid") String mode,
      @RequestParam(required = false) String cat,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String spelling)
      throws FeedException {
    SearchResults results =
        search.search(
            new SearchRequest(
                q,
                SearchMode.parse(mode),
                Pages.blankToNull(cat),
                from,
                to,
                1,
                Pages.PAGE_SIZE,
                SearchRequest.asTyped(spelling)));
    return feed(
        format,
        "Paperboy: " + Text.clean(q),
        "/search?q="
            + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
            + (SearchRequest.asTyped(spelling) ? "&spelling=" + SearchRequest.AS_TYPED : ""),
        results.hits().stream().map(SearchResults.Hit::paper).toList());
  }

  @Transactional(readOnly = true)
  @GetMapping("/export/bibtex")
  ResponseEntity<String> bibtex(
      @RequestParam(required = false) List<String> id,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "hybrid") String mode,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) String spelling) {
    List<Paper> papers;
    if (id != null && !id.isEmpty()) {
      if (id.size() > MAX_IDS) {
        throw new dev.paperboy.search.InvalidQuery("at most " + MAX_IDS + " ids at once");
      }
      papers = named(id);
    } else if (q != null) {
      papers =
          search
              .search(
                  new SearchRequest(
                      q,
                      SearchMode.parse(mode),
                      null,
                      null,
                      null,
                      page,
                      Pages.PAGE_SIZE,
                      SearchRequest.asTyped(spelling)))
              .hits()
              .stream()
              .map(SearchResults.Hit::paper)
              .toList();
    } else {
      throw new dev.paperboy.search.InvalidQuery("name papers with id=... or a search with q=...");
    }
    return ResponseEntity.ok()
        .contentType(
            new MediaType("application", "x-bibtex", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "inline; filename=\"paperboy.bib\"")
        .body(Bibtex.of(papers));
  }

  /** The papers with these ids, in order; an id we do not have is a 404, not a silent gap. */
  private List<Paper> named(List<String> ids) {
    Map<PaperId, String> asked = new LinkedHashMap<>();
    for (String i : ids) {
      asked.put(PaperId.parse(i).orElseThrow(() -> new PaperNotFound(i)), i);
    }
    List<Paper> papers = catalog.findAll(List.copyOf(asked.keySet()));
    papers.forEach(p -> asked.remove(p.id()));
    asked.values().stream()
        .findFirst()
        .ifPresent(
            missing -> {
              throw new PaperNotFound(missing);
            });
    return papers;
  }

  private ResponseEntity<String> feed(String format, String title, String path, List<Paper> papers)
      throws FeedException {
    String type =
        switch (format) {
          case "atom" -> "atom_1.0";
          case "rss" -> "rss_2.0";
          default -> throw new dev.paperboy.search.InvalidQuery("feeds are .atom or .rss");
        };
    // The configured address, not the request's Host: a feed is read far from where it was asked.
    String base = site.base();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(type);
    // XML 1.0 cannot carry control characters; Rome would fail the whole feed on one.
    feed.setTitle(Text.clean(title));
    feed.setLink(base + path);
    feed.setUri(base + path);
    feed.setDescription(Text.clean(title));
    feed.setPublishedDate(Date.from(Instant.now()));
    feed.setEntries(papers.stream().map(p -> entry(p, base)).toList());
    String xml = new SyndFeedOutput().outputString(feed);
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                format.equals("atom")
                    ? "application/atom+xml;charset=UTF-8"
                    : "application/rss+xml;charset=UTF-8"))
        .body(xml);
  }

  private static SyndEntry entry(Paper p, String base) {
    SyndEntry e = new SyndEntryImpl();
    String link = base + "/papers/" + p.id();
    e.setTitle(Text.clean(p.title()));
    e.setLink(link);
    e.setUri(link);
    Date date =
        Date.from(
            p.published() != null
                ? p.published().atStartOfDay().toInstant(ZoneOffset.UTC)
                : p.firstSeen());
    e.setPublishedDate(date);
    e.setUpdatedDate(date);
    e.setAuthors(
        p.authors().stream()
            .map(
                a -> {
                  SyndPersonImpl person = new SyndPersonImpl();
                  person.setName(Text.clean(TexText.decode(a.name())));
                  return (com.rometools.rome.feed.synd.SyndPerson) person;
                })
            .toList());
    if (!p.authors().isEmpty()) {
      e.setAuthor(
          Text.clean(
              String.join(", ", p.authors().stream().map(a -> TexText.decode(a.name())).toList())));
    }
    SyndContentImpl summary = new SyndContentImpl();
    summary.setType("text/plain");
    summary.setValue(Text.clean(p.abstractText()));
    e.setDescription(summary);
    e.setCategories(
        p.categories().stream()
            .map(
                c -> {
                  SyndCategoryImpl category = new SyndCategoryImpl();
                  category.setName(Text.clean(c));
                  return (com.rometools.rome.feed.synd.SyndCategory) category;
                })
            .toList());
    return e;
  }
}
