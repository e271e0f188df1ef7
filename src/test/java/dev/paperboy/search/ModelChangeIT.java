package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.catalog.Embeddings;
import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator changes the embedding model and restarts: the instance answers searches at once (by
 * words while the papers have no vector from the new model), re-embeds the catalog in the
 * background, and ends with every paper found by meaning through the new model.
 */
class ModelChangeIT {

  private static final String PAPERS =
      """
      {"id": "2612.00001", "title": "Pruning Neural Networks", "abstract": "Removing weights and lowering precision make deep models smaller and faster.", "published": "2025-08-01"}
      {"id": "2612.00002", "title": "Protein Folding from Sequence", "abstract": "Amino-acid sequences predict the shape of proteins.", "published": "2025-08-02"}
      {"id": "2612.00003", "title": "Glaciers Retreating in the Alps", "abstract": "Ice loss measured across a century of photographs.", "published": "2025-08-03"}
      """;

  private static final String PRUNING = "arxiv:2612.00001";

  @TempDir Path data;
  @TempDir Path models;

  private ConfigurableApplicationContext start(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--paperboy.data-dir=" + data,
                "--paperboy.sources.schedule=false",
                "--server.port=0",
                "--server.address=127.0.0.1"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(PaperboyApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void aNewModelIsEmbeddedInTheBackgroundWhileSearchesGoOnAnswering() throws Exception {
    String before;
    try (ConfigurableApplicationContext a = start("--paperboy.background-jobs=false")) {
      a.getBean(Importer.class)
          .importFile(
              "papers.jsonl", new ByteArrayInputStream(PAPERS.getBytes(StandardCharsets.UTF_8)));
      before = a.getBean(Embedder.class).signature();
      assertThat(ids(a, "semantic", "making models smaller")).first().isEqualTo(PRUNING);
    }

    Path b = ModelDirectoryFixture.bgeSmall(models.resolve("bge"));
    try (ConfigurableApplicationContext started =
        start("--paperboy.background-jobs=true", "--paperboy.search.model-dir=" + b)) {
      String after = started.getBean(Embedder.class).signature();
      assertThat(after).startsWith("bge-small-from-a-directory@").isNotEqualTo(before);
      Embeddings embeddings = started.getBean(Embeddings.class);
      int searches = 0;
      long deadline = System.nanoTime() + 120_000_000_000L;
      // Every search answers, whatever the re-embedding has reached: by words at least.
      while (!embeddings.missing(after, 10).isEmpty() && System.nanoTime() < deadline) {
        assertThat(ids(started, "hybrid", "pruning neural networks")).contains(PRUNING);
        ids(started, "semantic", "making models smaller");
        searches++;
      }
      assertThat(embeddings.missing(after, 10)).isEmpty();
      started.getBean(PaperIndex.class).catchUp();
      assertThat(started.getBean(PaperIndex.class).holdsCurrentVectors()).isTrue();
      assertThat(ids(started, "semantic", "making models smaller")).first().isEqualTo(PRUNING);
      assertThat(ids(started, "hybrid", "pruning neural networks")).first().isEqualTo(PRUNING);
      // The old model's vectors are kept: an instance still running it needs them.
      assertThat(embeddings.missing(before, 10)).isEmpty();
      System.out.println("searches answered during the re-embedding: " + searches);
    }
  }

  /** Enough papers that re-embedding them takes a while, searches being made meanwhile. */
  private static String fillers() {
    StringBuilder lines = new StringBuilder();
    for (int i = 100; i < 400; i++) {
      lines.append(
          String.format(
              "{\"id\": \"2612.00%d\", \"title\": \"Survey of topic %d in astronomy\","
                  + " \"abstract\": \"Observations of star cluster %d and its light.\","
                  + " \"published\": \"2025-08-04\"}%n",
              i, i, i));
    }
    return lines.toString();
  }

  private static List<String> ids(ConfigurableApplicationContext context, String mode, String q)
      throws Exception {
    return SearchOverHttp.ids(context, mode, q, 10);
  }
}
