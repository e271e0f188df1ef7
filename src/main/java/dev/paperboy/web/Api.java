package dev.paperboy.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.Correction;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API under {@code /api}, as DESIGN.md fixes it. */
@RestController
@RequestMapping("/api")
class Api {

  private final Catalog catalog;
  private final PaperSearch search;

  Api(Catalog catalog, PaperSearch search) {
    this.catalog = catalog;
    this.search = search;
  }

  /** One search result as the API shows it. */
  record Result(
      String id,
      String title,
      @JsonProperty("abstract") String abstractText,
      List<String> authors,
      LocalDate published,
      List<String> categories,
      float score) {}

  /**
   * One page of results. {@code totalExact} is false when there are more than {@code total}
   * matches; {@code closest} lists the papers nearest in meaning when none has the words (hybrid
   * mode), apart from the results and not counted in {@code total}. When misspelled words were
   * corrected, {@code correctedQuery} is what was searched, {@code originalQuery} what was typed
   * and {@code correctedWords} the words put in; all three are null otherwise.
   */
  record Results(
      long total,
      boolean totalExact,
      int page,
      int size,
      String notice,
      String correctedQuery,
      String originalQuery,
      List<String> correctedWords,
      List<Result> results,
      List<Result> closest) {}

  @Transactional(readOnly = true)
  @GetMapping("/search")
  Results search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "hybrid") String mode,
      @RequestParam(required = false) String cat,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String spelling) {
    SearchResults r =
        search.search(
            new SearchRequest(
                q,
                SearchMode.parse(mode),
                Pages.blankToNull(cat),
                from,
                to,
                page,
                size,
                SearchRequest.asTyped(spelling)));
    Correction c = r.correction();
    return new Results(
        r.total(),
        r.totalExact(),
        r.page(),
        r.size(),
        r.notice(),
        c == null ? null : c.corrected(),
        c == null ? null : c.original(),
        c == null ? null : c.correctedWords(),
        r.hits().stream().map(Api::result).toList(),
        r.closest().stream().map(Api::result).toList());
  }

  static final int RELATED = 10;

  /** A related paper, as the API lists it. */
  record Summary(
      String id,
      String title,
      List<String> authors,
      LocalDate published,
      List<String> categories) {}

  private static Summary summary(Paper p) {
    return new Summary(
        p.id().toString(),
        p.title(),
        p.authors().stream().map(Author::name).toList(),
        p.published(),
        p.categories());
  }

  private static Result result(SearchResults.Hit hit) {
    Paper p = hit.paper();
    return new Result(
        p.id().toString(),
        p.title(),
        p.abstractText(),
        p.authors().stream().map(Author::name).toList(),
        p.published(),
        p.categories(),
        hit.score());
  }

  /** Everything the catalog knows about one paper. */
  record PaperDetail(
      String id,
      Integer version,
      String title,
      @JsonProperty("abstract") String abstractText,
      List<Author> authors,
      String primaryCategory,
      List<String> categories,
      LocalDate published,
      LocalDate updated,
      Map<String, String> links,
      String comment,
      String journalRef,
      List<String> sources,
      String firstSeen,
      Map<String, Long> signals) {}

  @Transactional(readOnly = true)
  @GetMapping("/papers/{*id}")
  Object paper(@PathVariable String id) {
    String path = id.startsWith("/") ? id.substring(1) : id;
    if (path.endsWith("/related")) {
      Paper paper = catalog.get(path.substring(0, path.length() - "/related".length()));
      return Map.of(
          "id", paper.id().toString(),
          "related", search.related(paper.id(), RELATED).stream().map(Api::summary).toList());
    }
    Paper p = catalog.get(path);
    PaperId paperId = p.id();
    return new PaperDetail(
        p.id().toString(),
        p.version(),
        p.title(),
        p.abstractText(),
        p.authors(),
        p.primaryCategory(),
        p.categories(),
        p.published(),
        p.updated(),
        PaperLinks.of(p),
        p.comment(),
        p.journalRef(),
        p.sources(),
        p.firstSeen().toString(),
        catalog.signals(paperId));
  }
}
