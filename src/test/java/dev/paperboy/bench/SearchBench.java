package dev.paperboy.bench;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Embeddings;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search latency over a synthetic catalog: each mode through {@link PaperSearch} (parsing, query
 * embedding, Lucene, highlighting, catalog fetch) next to raw Lucene on the same queries. Paper
 * vectors are synthetic (clustered unit vectors) so that building the corpus does not take an hour
 * of embedding; query vectors are real.
 */
final class SearchBench {

  /** Latency percentiles of one kind of search, in milliseconds. */
  record Row(String what, double p50, double p99, double mean) {}

  /** The measured rows and how long the corpus took to build. */
  record Result(int papers, double buildSeconds, List<Row> rows) {}

  private SearchBench() {}

  static Result run(Path dataDir, int papers, int queries) throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PaperboyApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(
                "--logging.level.root=WARN",
                "--paperboy.sources.schedule=false",
                "--paperboy.data-dir=" + dataDir)) {
      long start = System.nanoTime();
      load(context, papers);
      context.getBean(PaperIndex.class).rebuild(n -> {});
      double build = (System.nanoTime() - start) / 1e9;
      List<String> texts = queries(queries);
      return new Result(papers, build, measure(context, dataDir, texts));
    }
  }

  private static List<Row> measure(
      ConfigurableApplicationContext context, Path dataDir, List<String> texts) throws Exception {
    PaperSearch search = context.getBean(PaperSearch.class);
    Embedder embedder = context.getBean(Embedder.class);
    List<Row> rows = new ArrayList<>();
    for (SearchMode mode : SearchMode.values()) {
      timed(texts, q -> search.search(new SearchRequest(q, mode, null, null, null, 1, 20)));
      rows.add(
          row(
              "PaperSearch " + mode.id() + " (page of 20)",
              timed(
                  texts, q -> search.search(new SearchRequest(q, mode, null, null, null, 1, 20)))));
    }
    rows.add(row("query embedding alone", timed(texts, embedder::embedQuery)));
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(dataDir.resolve("index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, float[]> vectors = new HashMap<>();
      texts.forEach(q -> vectors.put(q, embedder.embedQuery(q)));
      Query bm25 = q -> searcher.search(orQuery(q), 20);
      Query knn = q -> searcher.search(new KnnFloatVectorQuery("vector", vectors.get(q), 20), 20);
      timed(texts, bm25);
      rows.add(row("raw Lucene BM25 top 20 (baseline)", timed(texts, bm25)));
      timed(texts, knn);
      rows.add(row("raw Lucene HNSW k=20 (baseline)", timed(texts, knn)));
    }
    return rows;
  }

  private interface Query {
    void run(String q) throws Exception;
  }

  private static double[] timed(List<String> texts, Query query) throws Exception {
    double[] ms = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long start = System.nanoTime();
      query.run(texts.get(i));
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  private static Row row(String what, double[] ms) {
    double mean = 0;
    for (double m : ms) {
      mean += m / ms.length;
    }
    return new Row(what, Stats.percentile(ms, 50), Stats.percentile(ms, 99), mean);
  }

  private static BooleanQuery orQuery(String q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String word : q.split(" ")) {
      b.add(new TermQuery(new Term("abstract", word)), Occur.SHOULD);
    }
    return b.build();
  }

  /** Two- and three-word queries drawn like the corpus's own words. */
  static List<String> queries(int count) {
    SplittableRandom random = new SplittableRandom(7);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      queries.add(SyntheticText.sentence(random, 2 + random.nextInt(2)));
    }
    return queries;
  }

  /** Writes papers and their (synthetic) vectors straight to the catalog, in batches. */
  private static void load(ConfigurableApplicationContext context, int count) throws Exception {
    Catalog catalog = context.getBean(Catalog.class);
    Embeddings embeddings = context.getBean(Embeddings.class);
    String signature = context.getBean(Embedder.class).signature();
    SplittableRandom random = new SplittableRandom(42);
    float[][] centroids = new float[256][];
    for (int c = 0; c < centroids.length; c++) {
      centroids[c] = unit(gaussian(random, null, 1f));
    }
    for (int from = 0; from < count; from += 1000) {
      List<Paper> batch = new ArrayList<>();
      Map<PaperId, Embeddings.Stored> vectors = new HashMap<>();
      for (int i = from; i < Math.min(count, from + 1000); i++) {
        Paper p = paper(i, random);
        batch.add(p);
        float[] v = unit(gaussian(random, centroids[random.nextInt(centroids.length)], 0.35f));
        vectors.put(p.id(), new Embeddings.Stored(hash(p.title() + ". " + p.abstractText()), v));
      }
      catalog.upsert(batch);
      embeddings.save(signature, vectors);
    }
  }

  private static Paper paper(int i, SplittableRandom random) {
    PaperId id =
        new PaperId("arxiv", String.format("%02d%02d.%05d", 10 + i % 15, 1 + i % 12, i / 180));
    String title = SyntheticText.sentence(random, 6 + random.nextInt(8));
    String abstractText = SyntheticText.sentence(random, 120 + random.nextInt(120));
    return new Paper(
        id,
        1,
        title,
        abstractText,
        List.of(
            Author.named("Author " + random.nextInt(5000)),
            Author.named("Author " + random.nextInt(5000))),
        "cs.LG",
        List.of("cs.LG"),
        LocalDate.of(2010 + i % 15, 1 + i % 12, 1 + i % 28),
        null,
        null,
        null,
        null,
        List.of("bench"),
        null);
  }

  private static float[] gaussian(SplittableRandom random, float[] around, float scale) {
    float[] v = new float[384];
    for (int d = 0; d < v.length; d++) {
      double g =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      v[d] = (around == null ? 0 : around[d] * 20) + (float) g * scale;
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float n = (float) Math.sqrt(s);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
    return v;
  }

  /** The same fingerprint the application keeps beside each vector. */
  private static String hash(String text) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 16);
  }
}
