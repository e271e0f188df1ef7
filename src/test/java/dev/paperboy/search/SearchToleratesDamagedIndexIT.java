package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Embeddings;
import dev.paperboy.catalog.Paper;
import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the index cannot promise, search survives: an index written by an older Paperboy that holds
 * a paper twice (a rebuild during an import added new papers blindly), and a paper deleted from the
 * catalog by hand. Each search answers 200 and shows every paper it can, once.
 */
class SearchToleratesDamagedIndexIT {

  private static final String PAPERS =
      """
      {"id": "2611.00001", "title": "Lichens on Volcanic Rock", "abstract": "Lichens colonise fresh lava within years.", "published": "2025-07-01"}
      {"id": "2611.00002", "title": "Lichens in City Air", "abstract": "Urban lichens record sulphur in the air.", "published": "2025-07-02"}
      {"id": "2611.00003", "title": "Mosses after Fire", "abstract": "Mosses return first after a forest fire.", "published": "2025-07-03"}
      """;

  private static final String TWICE = "arxiv:2611.00001";
  private static final String GONE = "arxiv:2611.00002";

  @TempDir Path data;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .run(
            "--paperboy.data-dir=" + data,
            "--paperboy.sources.schedule=false",
            "--paperboy.background-jobs=false",
            "--server.port=0",
            "--server.address=127.0.0.1");
  }

  @Test
  void duplicateDocumentsAndVanishedPapersAreSkippedNotFailedOn() throws Exception {
    Paper twice;
    float[] vector;
    try (ConfigurableApplicationContext first = start()) {
      first
          .getBean(Importer.class)
          .importFile(
              "lichens.jsonl", new ByteArrayInputStream(PAPERS.getBytes(StandardCharsets.UTF_8)));
      twice = first.getBean(Catalog.class).get(TWICE);
      vector =
          first
              .getBean(Embeddings.class)
              .find(first.getBean(Embedder.class).signature(), List.of(twice.id()))
              .get(twice.id())
              .vector();
      first.getBean(JdbcClient.class).sql("delete from paper where id = ?").param(GONE).update();
    }
    addAgain(twice, vector);

    try (ConfigurableApplicationContext second = start()) {
      for (String mode : List.of("keyword", "semantic", "hybrid")) {
        List<String> found = ids(second, mode, "lichens");
        assertThat(found).containsOnlyOnce(TWICE).doesNotContain(GONE);
      }
      assertThat(ids(second, "keyword", "Lichens on Volcanic Rock")).containsOnlyOnce(TWICE);
    }
  }

  /** A second document for the paper, as the older bug left, under the same commit data. */
  private void addAgain(Paper paper, float[] vector) throws Exception {
    try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
      Map<String, String> commitData;
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        commitData = reader.getIndexCommit().getUserData();
      }
      writer.addDocument(IndexFields.document(paper, vector));
      // The same watermark, so the next start does not index these papers again.
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
    }
  }

  private static List<String> ids(ConfigurableApplicationContext context, String mode, String q)
      throws Exception {
    return SearchOverHttp.ids(context, mode, q, 50);
  }
}
