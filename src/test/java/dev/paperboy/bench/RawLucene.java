package dev.paperboy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline for search: Lucene alone, in the benchmark's process, on the server's own index
 * files (a reader needs no lock), doing the core of each search and nothing else — every word
 * required in title (boosted ×3) or abstract, top 20 by BM25; the 20 nearest vectors; for hybrid
 * both lists 100 deep, as the product fuses them; then the ids of the 20 shown.
 */
final class RawLucene implements AutoCloseable {

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder words = new QueryBuilder(new EnglishAnalyzer());

  RawLucene(Path index) throws IOException {
    this.reader = DirectoryReader.open(FSDirectory.open(index));
    this.searcher = new IndexSearcher(reader);
  }

  Query keywordQuery(String text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : text.split(" ")) {
      Query title = words.createBooleanQuery("title", word);
      Query abs = words.createBooleanQuery("abstract", word);
      if (title == null || abs == null) {
        continue;
      }
      all.add(
          new BooleanQuery.Builder()
              .add(new BoostQuery(title, 3f), Occur.SHOULD)
              .add(abs, Occur.SHOULD)
              .build(),
          Occur.MUST);
    }
    return all.build();
  }

  List<String> keyword(String text, int n) throws IOException {
    return shown(searcher.search(keywordQuery(text), n).scoreDocs);
  }

  List<String> semantic(float[] vector, int k) throws IOException {
    return shown(searcher.search(new KnnFloatVectorQuery("vector", vector, k), k).scoreDocs);
  }

  /** Both lists 100 deep, fused by reciprocal rank, the top 20 loaded. */
  List<String> hybrid(String text, float[] vector) throws IOException {
    TopDocs bm25 = searcher.search(keywordQuery(text), 100);
    TopDocs knn = searcher.search(new KnnFloatVectorQuery("vector", vector, 100), 100);
    Map<Integer, Float> fused = new LinkedHashMap<>();
    for (int r = 0; r < bm25.scoreDocs.length; r++) {
      fused.merge(bm25.scoreDocs[r].doc, 1f / (61 + r), Float::sum);
    }
    for (int r = 0; r < knn.scoreDocs.length; r++) {
      fused.merge(knn.scoreDocs[r].doc, 1f / (61 + r), Float::sum);
    }
    ScoreDoc[] top =
        fused.entrySet().stream()
            .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
            .limit(20)
            .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
            .toArray(ScoreDoc[]::new);
    return shown(top);
  }

  /** The ids of the 20 shown, from doc values, as the product reads them. */
  private List<String> shown(ScoreDoc[] docs) throws IOException {
    List<String> ids = new ArrayList<>(Math.min(20, docs.length));
    for (int i = 0; i < Math.min(20, docs.length); i++) {
      ids.add(id(docs[i].doc));
    }
    return ids;
  }

  private String id(int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = DocValues.getSorted(leaf.reader(), "id");
    return values.advanceExact(doc - leaf.docBase)
        ? values.lookupOrd(values.ordValue()).utf8ToString()
        : null;
  }

  /** Some paper ids in the index, for the paper pages. */
  List<String> someIds(int count) throws IOException {
    List<String> ids = new ArrayList<>();
    int step = Math.max(1, reader.maxDoc() / count);
    for (int d = 0; d < reader.maxDoc() && ids.size() < count; d += step) {
      String id = id(d);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  int documents() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
