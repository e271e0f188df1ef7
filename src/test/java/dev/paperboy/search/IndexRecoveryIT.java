package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The index follows the catalog from the watermark of its last commit: a paper written to the
 * catalog while this instance was not following it (stopped, or another instance wrote it) is
 * indexed when it starts again.
 */
class IndexRecoveryIT {

  @TempDir Path data;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--paperboy.data-dir=" + data,
            "--paperboy.sources.schedule=false",
            "--paperboy.background-jobs=false");
  }

  private static List<String> found(ConfigurableApplicationContext context, String words) {
    return context
        .getBean(PaperSearch.class)
        .search(new SearchRequest(words, SearchMode.KEYWORD, null, null, null, 1, 10))
        .hits()
        .stream()
        .map(h -> h.paper().id().toString())
        .toList();
  }

  /** A restarted instance catches up in the background; its readiness says when it is done. */
  private static void awaitCaughtUp(PaperIndex index) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (index.applied() == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aCatalogChangeMadeWhileTheIndexWasNotFollowingIsIndexedAtTheNextStart() throws Exception {
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(Importer.class)
          .importFile(
              "one.jsonl",
              new ByteArrayInputStream(
                  ("{\"id\": \"2599.00001\", \"title\": \"Glaciers Retreating in the Alps\","
                          + " \"published\": \"2025-05-01\"}\n")
                      .getBytes(StandardCharsets.UTF_8)));
      // From here on this instance does not follow the catalog, as if it were down.
      first.getBean(IndexFollower.class).stop();
      first
          .getBean(Catalog.class)
          .upsert(
              List.of(
                  new Paper(
                      PaperId.parse("2599.00002").orElseThrow(),
                      1,
                      "Moraines Left Behind by Glaciers",
                      "Rock ridges mark where the ice stood.",
                      List.of(),
                      "physics.geo-ph",
                      List.of("physics.geo-ph"),
                      LocalDate.of(2025, 5, 2),
                      null,
                      null,
                      null,
                      null,
                      List.of("test"),
                      null)));
      assertThat(found(first, "glaciers")).containsExactly("arxiv:2599.00001");
    }
    try (ConfigurableApplicationContext second = start()) {
      awaitCaughtUp(second.getBean(PaperIndex.class));
      assertThat(found(second, "glaciers"))
          .containsExactlyInAnyOrder("arxiv:2599.00001", "arxiv:2599.00002");
    }
  }
}
