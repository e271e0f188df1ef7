package dev.paperboy.search;

import dev.paperboy.catalog.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks matched words in titles and whole abstracts. The formatter escapes the text itself, so the
 * only markup in the result is our own {@code <mark>}.
 */
final class Highlights {

  private static final String[] FIELDS = {IndexFields.TITLE, IndexFields.ABSTRACT};

  private final Analyzer analyzer;

  Highlights(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Highlighted fields for a page of hits, by position in that page. */
  record Marked(String[] titles, String[] abstracts) {
    String title(int i, String plain) {
      return titles[i] != null ? titles[i] : HtmlUtils.htmlEscape(plain);
    }

    String abstractText(int i, String plain) {
      return abstracts[i] != null ? abstracts[i] : HtmlUtils.htmlEscape(plain);
    }
  }

  /**
   * Marks the query's words in these hits. The text comes from {@code papers} (fetched from the
   * catalog for the page anyway), not from the index, which stores none; the abstract's word
   * offsets come from the index's postings. Should a paper have changed since it was indexed (a
   * moment's window during an import), its text is shown unmarked rather than marked wrongly.
   */
  Marked mark(IndexSearcher searcher, Query query, List<ScoreDoc> docs, Map<Integer, Paper> papers)
      throws IOException {
    int n = docs.size();
    if (n == 0 || query == null) {
      return new Marked(new String[n], new String[n]);
    }
    int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(WholeBreakIterator::new)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withMaxNoHighlightPassages(0)
            // Term offsets straight from the postings: several times cheaper per hit than
            // asking each query clause where it matched.
            .withWeightMatches(false);
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(builder) {
          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
              throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docIter.nextDoc()) {
              Paper p = papers.get(doc);
              CharSequence[] texts = new CharSequence[fields.length];
              for (int f = 0; f < fields.length; f++) {
                texts[f] =
                    p == null
                        ? ""
                        : fields[f].equals(IndexFields.TITLE) ? p.title() : p.abstractText();
              }
              values.add(texts);
            }
            return values;
          }
        };
    try {
      Map<String, String[]> marked =
          highlighter.highlightFields(FIELDS, query, ids, new int[] {1, 1});
      return new Marked(marked.get(IndexFields.TITLE), marked.get(IndexFields.ABSTRACT));
    } catch (RuntimeException textChangedSinceIndexed) {
      return new Marked(new String[n], new String[n]);
    }
  }
}
