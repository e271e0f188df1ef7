package dev.paperboy.web;

import dev.paperboy.sources.SourceUnavailable;
import dev.paperboy.sources.Sync;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

  /** Runs sources now: one, or every scheduled one; arXiv ids go to the arXiv API. */
  @PostMapping("/admin/sync")
  @ResponseBody
  ResponseEntity<Object> run(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) List<String> id) {
    try {
      if ("arxiv-api".equals(source)) {
        return ResponseEntity.ok(List.of(sync.arxivApi(id == null ? List.of() : id)));
      }
      List<String> which = source == null ? sync.sources() : List.of(source);
      return ResponseEntity.ok(which.stream().map(sync::run).toList());
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    } catch (SourceUnavailable e) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
    }
  }
}
