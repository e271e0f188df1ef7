package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.withSettings;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The index follows the catalog under concurrency: {@code reindex} during an import of thousands of
 * papers leaves every paper in the index exactly once, with its newest text, and the background
 * embedder never stores a vector of a text an import has replaced meanwhile.
 */
@Import(IndexFollowsCatalogIT.CheapEmbedder.class)
class IndexFollowsCatalogIT extends PaperboyIntegrationTest {

  private static final Path DATA_DIR = tempDir();
  private static final int NEW_PER_ROUND = 3_000;
  private static final int REVISED_PER_ROUND = 300;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
  }

  /**
   * What {@code Embedder.embed} does in this test: the model is not under test, and embedding
   * thousands of abstracts would take minutes. A test swaps it by assignment, never by stubbing a
   * mock: stubbing while the background embedder calls the same method is a race Mockito loses.
   */
  private static volatile Embedding embedding = IndexFollowsCatalogIT::cheap;

  /** The application's embedder with {@link #embedding} in place of its {@code embed}. */
  @TestConfiguration
  static class CheapEmbedder {
    @Bean
    static BeanPostProcessor cheapEmbedder() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof Embedder real)) {
            return bean;
          }
          return Mockito.mock(
              Embedder.class,
              withSettings().spiedInstance(real).defaultAnswer(CheapEmbedder::answer));
        }
      };
    }

    private static Object answer(InvocationOnMock call) throws Throwable {
      return call.getMethod().getName().equals("embed")
          ? embedding.vectors(call.getArgument(0))
          : call.callRealMethod();
    }
  }

  @FunctionalInterface
  interface Embedding {
    List<float[]> vectors(List<String> texts) throws Exception;
  }

  @Autowired PaperIndex index;
  @Autowired MissingVectors missingVectors;

  private final ExecutorService threads = Executors.newFixedThreadPool(3);

  @BeforeEach
  void cheapVectors() {
    embedding = IndexFollowsCatalogIT::cheap;
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void reindexDuringImportsLeavesTheIndexHoldingExactlyTheCatalog() throws Exception {
    for (int round = 0; round < 4; round++) {
      String file = round(round);
      Future<ImportReport> imported;
      Future<Long> rebuilt;
      if (round % 2 == 0) {
        // The import has written its first batch to the catalog and is indexing it.
        CountDownLatch midImport = new CountDownLatch(1);
        embedding =
            texts -> {
              midImport.countDown();
              return cheap(texts);
            };
        imported = threads.submit(() -> importFile(file));
        assertThat(midImport.await(2, TimeUnit.MINUTES)).isTrue();
        rebuilt = threads.submit(() -> index.rebuild(n -> {}));
      } else {
        // The rebuild has indexed its first chunk when the import starts.
        CountDownLatch midRebuild = new CountDownLatch(1);
        rebuilt = threads.submit(() -> index.rebuild(n -> midRebuild.countDown()));
        assertThat(midRebuild.await(2, TimeUnit.MINUTES)).isTrue();
        imported = threads.submit(() -> importFile(file));
      }
      assertThat(imported.get(5, TimeUnit.MINUTES).created()).isEqualTo(NEW_PER_ROUND);
      assertThat(rebuilt.get(5, TimeUnit.MINUTES)).isPositive();
      index.catchUp();

      List<String> indexed = indexedIds();
      assertThat(indexed).doesNotHaveDuplicates();
      assertThat(indexed).containsExactlyInAnyOrderElementsOf(catalogIds());
      if (round > 0) {
        String revised = "revisedinround" + round;
        assertThat(json("/api/search?mode=keyword&q=" + revised).get("total").asInt())
            .isEqualTo(REVISED_PER_ROUND);
      }
      for (String mode : List.of("keyword", "semantic", "hybrid")) {
        assertThat(get("/api/search?size=100&mode=" + mode + "&q=kelp").statusCode())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void theEmbedderNeverStoresTheVectorOfAnOlderTextOverANewerOne() throws Exception {
    String id = "2609.00001";
    importFile(
        List.of(line(id, 1, "Kelp Forests Under Turbid Water", "Turbidity shades the kelp.")));
    CountDownLatch embeddingStarted = new CountDownLatch(1);
    CountDownLatch textChanged = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    embedding =
        texts -> {
          if (first.getAndSet(false)) {
            embeddingStarted.countDown();
            textChanged.await();
          }
          return cheap(texts);
        };

    Future<Long> backfill = threads.submit(() -> missingVectors.embed(n -> {}));
    assertThat(embeddingStarted.await(2, TimeUnit.MINUTES)).isTrue();
    String newTitle = "Kelp Forests and Coastal Upwelling";
    String newAbstract = "Upwelling feeds the kelp with nutrients.";
    importFile(List.of(line(id, 2, newTitle, newAbstract)));
    textChanged.countDown();
    backfill.get(2, TimeUnit.MINUTES);

    assertThat(found("upwelling")).contains("arxiv:" + id);
    assertThat(found("turbid")).doesNotContain("arxiv:" + id);
    String newHash = Vectors.hash(newTitle + ". " + newAbstract);
    assertThat(storedHash(id)).isIn(null, newHash);

    missingVectors.embed(n -> {});
    assertThat(storedHash(id)).isEqualTo(newHash);
  }

  /** Every paper's id as the index holds it, one entry per live document. */
  private List<String> indexedIds() {
    return index.read(
        searcher -> {
          List<String> ids = new ArrayList<>();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues values = leaf.reader().getSortedDocValues(IndexFields.ID);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = values.nextDoc()) {
              if (live == null || live.get(doc)) {
                ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
              }
            }
          }
          return ids;
        });
  }

  private List<String> catalogIds() {
    return jdbcClient.sql("select id from paper").query(String.class).list();
  }

  private String storedHash(String id) {
    return jdbcClient
        .sql("select text_hash from paper_embedding where paper_id = ?")
        .param("arxiv:" + id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> found(String words) {
    return foundByKeyword(words);
  }

  /**
   * Round {@code r}'s file: its new papers, and new titles for some of the previous round's papers
   * (the word {@code revisedinroundR} finds exactly those).
   */
  private static String round(int r) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < NEW_PER_ROUND; i++) {
      lines.add(
          line(id(r, i), 1, "Kelp survey number " + i, "Divers count kelp along transect " + i));
    }
    for (int i = 0; r > 0 && i < REVISED_PER_ROUND; i++) {
      lines.add(line(id(r - 1, i), 2, "Kelp survey revisedinround" + r, "Counted again."));
    }
    return String.join("\n", lines);
  }

  private static String id(int round, int i) {
    return String.format("26%02d.%05d", 10 + round, i);
  }

  /** A JSON Lines record; a higher {@code version} replaces the text a lower one stored. */
  private static String line(String id, int version, String title, String abstractText) {
    return String.format(
        "{\"id\": \"%s\", \"version\": %d, \"title\": \"%s\", \"abstract\": \"%s\","
            + " \"authors\": [\"Mar Alga\"], \"categories\": [\"q-bio.PE\"],"
            + " \"published\": \"2025-06-01\"}",
        id, version, title, abstractText);
  }

  private ImportReport importFile(String content) {
    return importer.importFile(
        "race.jsonl", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true);
  }

  private void importFile(List<String> lines) {
    importer.importFile(
        "one.jsonl",
        new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
        false);
  }

  /** A unit vector per text, as long as the model's (both models make 384), in no time. */
  private static List<float[]> cheap(List<String> texts) {
    List<float[]> vectors = new ArrayList<>();
    for (String text : texts) {
      float[] v = new float[384];
      v[Math.floorMod(text.hashCode(), v.length)] = 1;
      vectors.add(v);
    }
    return vectors;
  }
}
