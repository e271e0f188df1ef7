package dev.paperboy.search;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.TexText;
import dev.paperboy.catalog.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/** How a paper becomes a Lucene document, and the analyzers that go with each field. */
final class IndexFields {

  static final String ID = "id";
  static final String TITLE = "title";
  static final String ABSTRACT = "abstract";
  static final String AUTHORS = "authors";
  static final String CATEGORY = "cat";
  static final String PUBLISHED = "published";
  static final String TITLE_KEY = "title_key";
  static final String VECTOR = "vector";

  /**
   * Title and abstract words as written (lower-cased, not stemmed): the vocabulary a misspelled
   * query word is corrected against, so a correction is a word, not a stem ("comput").
   */
  static final String SPELLING = "spelling";

  /**
   * How documents are laid out; part of the index's signature, so an index written by an older
   * layout is rebuilt at start.
   */
  static final String LAYOUT = "layout-3";

  /**
   * Abstracts carry offsets so the highlighter need not re-analyze them per hit. No text is stored:
   * the catalog holds it, and the highlighter is handed the papers it fetched from there.
   */
  private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

  /** The spell checker asks only how many papers hold a word: no frequencies, positions, norms. */
  private static final FieldType WORDS_ONLY = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_WITH_OFFSETS.freeze();
    WORDS_ONLY.setIndexOptions(IndexOptions.DOCS);
    WORDS_ONLY.setOmitNorms(true);
    WORDS_ONLY.freeze();
  }

  private IndexFields() {}

  /**
   * English stemming for title and abstract ("models" finds "model"); names are only folded
   * (Schölkopf = Scholkopf) and each author is a separate value with a gap between, so a phrase
   * never spans two people.
   */
  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(), Map.of(AUTHORS, nameAnalyzer(), SPELLING, new StandardAnalyzer()));
  }

  private static Analyzer nameAnalyzer() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer("standard")
          .addTokenFilter("asciiFolding")
          .addTokenFilter("lowercase")
          .withPositionIncrementGap(100)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lucene's codec with HNSW graphs of 16 neighbours and a beam of 100 (its defaults) whose merges
   * use every core of {@code merges}. Readers need nothing special: the format is Lucene's own.
   */
  static Codec codec(ExecutorService merges) {
    int threads = Runtime.getRuntime().availableProcessors();
    KnnVectorsFormat vectors =
        new Lucene99HnswVectorsFormat(
            Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
            Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
            threads,
            threads > 1 ? merges : null);
    return new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
      }
    };
  }

  /** Vectors are unit length, so dot product is cosine similarity, and the cheapest to compute. */
  static Document document(Paper paper, float[] vector) {
    Document doc = document(paper);
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  static Document document(Paper paper) {
    Document doc = new Document();
    doc.add(new StringField(ID, paper.id().toString(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(paper.id().toString())));
    doc.add(new Field(TITLE, paper.title(), TextField.TYPE_NOT_STORED));
    doc.add(new Field(ABSTRACT, paper.abstractText(), TEXT_WITH_OFFSETS));
    doc.add(new Field(SPELLING, paper.title() + "\n" + paper.abstractText(), WORDS_ONLY));
    doc.add(new StringField(TITLE_KEY, Text.titleKey(paper.title()), Field.Store.NO));
    for (Author author : paper.authors()) {
      // Decoded, so Sørensen is found as typed (and, folded, as sorensen), not as S{\\o}rensen.
      doc.add(new TextField(AUTHORS, TexText.decode(author.name()), Field.Store.NO));
    }
    for (String category : categoryTerms(paper)) {
      doc.add(new StringField(CATEGORY, category, Field.Store.NO));
    }
    if (paper.published() != null) {
      long day = paper.published().toEpochDay();
      doc.add(new LongPoint(PUBLISHED, day));
      doc.add(new NumericDocValuesField(PUBLISHED, day));
    }
    return doc;
  }

  /**
   * The paper ids of these documents, read from doc values (cheap, unlike stored fields, which
   * decompress a whole block per document); a document without one is left out.
   */
  static Map<Integer, String> ids(IndexSearcher searcher, List<Integer> docs) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, String> ids = new LinkedHashMap<>();
    for (int doc : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedDocValues values = DocValues.getSorted(leaf.reader(), ID);
      if (values.advanceExact(doc - leaf.docBase)) {
        ids.put(doc, values.lookupOrd(values.ordValue()).utf8ToString());
      }
    }
    return ids;
  }

  /** The stored vector of a document, read back from the index; null if it has none. */
  static float[] vector(IndexSearcher searcher, int doc) throws IOException {
    var leaves = searcher.getIndexReader().leaves();
    var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    var values = leaf.reader().getFloatVectorValues(VECTOR);
    if (values == null) {
      return null;
    }
    int target = doc - leaf.docBase;
    return values.advance(target) == target ? values.vectorValue().clone() : null;
  }

  /** Each category lower-cased, plus its archive, so {@code cat:cs} finds every cs.* paper. */
  private static Set<String> categoryTerms(Paper paper) {
    Set<String> terms = new LinkedHashSet<>();
    for (String category : paper.categories()) {
      String c = category.toLowerCase(Locale.ROOT);
      terms.add(c);
      int dot = c.indexOf('.');
      if (dot > 0) {
        terms.add(c.substring(0, dot));
      }
    }
    return terms;
  }
}
