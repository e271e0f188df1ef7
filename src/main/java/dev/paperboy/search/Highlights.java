package dev.paperboy.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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

  Marked mark(IndexSearcher searcher, Query query, List<ScoreDoc> docs) throws IOException {
    if (docs.isEmpty()) {
      return new Marked(new String[0], new String[0]);
    }
    int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(WholeBreakIterator::new)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withMaxNoHighlightPassages(0)
            .build();
    Map<String, String[]> marked =
        highlighter.highlightFields(FIELDS, query, ids, new int[] {1, 1});
    return new Marked(marked.get(IndexFields.TITLE), marked.get(IndexFields.ABSTRACT));
  }
}
