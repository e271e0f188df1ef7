package dev.paperboy.web;

import dev.paperboy.digest.Digests;
import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import dev.paperboy.runtime.PaperboySettings;
import dev.paperboy.search.PaperIndex;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints, behind {@link OperatorAccess}: the CLI sends {@code import} and {@code
 * reindex} here when this server owns the data directory.
 */
@RestController
@RequestMapping("/admin")
class Operator {

  private final Importer importer;
  private final PaperIndex index;
  private final Digests digests;
  private final PaperboySettings settings;

  Operator(Importer importer, PaperIndex index, Digests digests, PaperboySettings settings) {
    this.importer = importer;
    this.settings = settings;
    this.index = index;
    this.digests = digests;
  }

  /** The body is the file itself, streamed; it is parsed as it arrives. */
  @PostMapping("/import")
  ImportReport importFile(
      @RequestParam(defaultValue = "upload") String file,
      @RequestParam(defaultValue = "true") boolean embeddings,
      HttpServletRequest request)
      throws IOException {
    return importer.importFile(file, request.getInputStream(), embeddings);
  }

  @PostMapping("/digest")
  String digestNow() {
    return digests.runNow().toString();
  }

  @PostMapping("/digest/preview")
  org.springframework.http.ResponseEntity<?> preview(@RequestParam String email) {
    return digests
        .preview(email)
        .<org.springframework.http.ResponseEntity<?>>map(
            org.springframework.http.ResponseEntity::ok)
        .orElseGet(
            () ->
                org.springframework.http.ResponseEntity.status(404)
                    .body(Map.of("error", "no subscriber with that address")));
  }

  /**
   * On the embedded database this server's index is the only one: it is rebuilt now. On an external
   * one every instance is asked, and each rebuilds its own beside the live one.
   */
  @PostMapping("/reindex")
  Map<String, Long> reindex() {
    return settings.embeddedDatabase()
        ? Map.of("reindexed", index.rebuild(n -> {}))
        : Map.of("requested", index.requestReindexEverywhere());
  }
}
