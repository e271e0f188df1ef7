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
 * The index commits in the background; a paper written to the catalog whose index update never
 * became durable (the process died in between) is indexed at the next start.
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

  @Test
  void aCatalogChangeTheIndexNeverCommittedIsIndexedAtTheNextStart() {
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(Importer.class)
          .importFile(
              "one.jsonl",
              new ByteArrayInputStream(
                  ("{\"id\": \"2599.00001\", \"title\": \"Glaciers Retreating in the Alps\","
                          + " \"published\": \"2025-05-01\"}\n")
                      .getBytes(StandardCharsets.UTF_8)));
      // The catalog write of a batch whose index update died with the process.
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
      assertThat(found(second, "glaciers"))
          .containsExactlyInAnyOrder("arxiv:2599.00001", "arxiv:2599.00002");
    }
  }
}
