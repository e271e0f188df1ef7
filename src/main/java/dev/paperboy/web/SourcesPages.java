package dev.paperboy.web;

import dev.paperboy.sources.Source;
import dev.paperboy.sources.Sync;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The operator's view of the live sources, and the endpoint {@code sync} uses. */
@Controller
class SourcesPages {

  private final Sync sync;

  SourcesPages(Sync sync) {
    this.sync = sync;
  }

  @GetMapping("/sources")
  String page(Model model) {
    model.addAttribute("sources", sync.statuses());
    return "sources";
  }

  @GetMapping("/api/sources")
  @ResponseBody
  Map<String, List<Sync.Status>> api() {
    return Map.of("sources", sync.statuses());
  }

  /**
   * Runs sources now, as {@code sync} does without a server: one, or every scheduled one; arXiv ids
   * go to the arXiv API. One outcome per source, whether it worked or not.
   */
  @PostMapping("/admin/sync")
  @ResponseBody
  ResponseEntity<Object> run(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) List<String> id) {
    try {
      Optional<Source> which = Optional.ofNullable(source).map(Source::named);
      return ResponseEntity.ok(sync.runNow(which, id == null ? List.of() : id));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
  }
}
