package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Paper;
import dev.paperboy.support.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the search box: any text is either a query or an {@link InvalidQuery} (a 400, never a
 * 500), and the Lucene queries built from it build and run on a real index without an exception.
 */
class QueryFuzzTest {

  private static final String[] PIECES = {
    "author:",
    "cat:",
    "title:",
    "AUTHOR:",
    "Title:",
    "-",
    "--",
    "\"",
    ":",
    "::",
    "*",
    "?",
    "~",
    "^2",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "/",
    "AND",
    "OR",
    "NOT",
    "&&",
    "||",
    "+",
    "!",
    "sparse",
    "routing",
    "mixtue",
    "experts",
    "quinlan",
    "ada",
    "cs.CL",
    "RAG",
    "the",
    "of",
    "a",
    "arxiv:2410.21271",
    "2410.21271v2",
    "doi:10.1145/3000000.3000001",
    "hep-th/9901001",
    "0",
    "1e999",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u2028",
    "\u3000",
    "ß",
    "İ",
    "ﬁ",
    "日本語",
    "\u0301"
  };

  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;
  private static LuceneQueries queries;

  @BeforeAll
  static void indexThreePapers() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter w =
        new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
      w.addDocument(
          IndexFields.document(paper("2410.21271", "Sparse Routing of Experts", "Ada Quinlan")));
      w.addDocument(
          IndexFields.document(
              paper("2410.00002", "Retrieval-augmented generation (RAG)", "Bo Li")));
      w.addDocument(IndexFields.document(paper("2410.00003", "Curriculum Learning", "Cy Doe")));
    }
    reader = DirectoryReader.open(directory);
    queries = new LuceneQueries(IndexFields.analyzer(), new KnownAcronyms());
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  /** What a reader sends: the search box's text and, sometimes, a category to browse. */
  record Ask(String text, String category) {}

  @Test
  void anyTextIsAQueryOrAnInvalidQueryAndItsLuceneQueriesBuildAndRun() {
    Fuzz.check(
        "search-query",
        500,
        r -> new Ask(text(r), r.nextBoolean() ? null : Fuzz.pick(r, PIECES)),
        ask -> ask.text().getBytes(StandardCharsets.UTF_8),
        ask -> runs(ask.text(), ask.category()));
  }

  private static void runs(String text, String category) throws IOException {
    SearchQuery query;
    try {
      query =
          PaperSearch.parsed(
              new SearchRequest(text, null, category, LocalDate.of(2024, 1, 1), null, 1, 10));
    } catch (InvalidQuery e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(SearchQuery.parse(text)).as("parsing again").isEqualTo(SearchQuery.parse(text));
    SearchRequest request = new SearchRequest(text, null, category, null, null, 1, 10);
    IndexSearcher searcher = new IndexSearcher(reader);
    for (boolean strict : new boolean[] {true, false}) {
      run(searcher, queries.words(query, request, strict, reader).query());
    }
    Query filter = queries.filter(query, request, reader);
    if (filter != null) {
      run(searcher, filter);
    }
  }

  private static void run(IndexSearcher searcher, Query q) throws IOException {
    assertThat(searcher.search(q, 10).totalHits.value).isNotNegative();
  }

  /** Query syntax, words the index has and has not, odd spaces and nasty characters. */
  private static String text(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(8) == 0) {
      // as many distinct unseen words as the length cap allows: each becomes several clauses
      while (s.length() < SearchRequest.MAX_QUERY - 6) {
        s.append(Integer.toString(r.nextInt(1_632_959) + 46_656, 36)).append(' ');
      }
      return s.toString();
    }
    int pieces = r.nextInt(10) == 0 ? 200 + r.nextInt(600) : r.nextInt(16);
    for (int i = 0; i < pieces; i++) {
      s.append(r.nextInt(5) == 0 ? Fuzz.nastyText(r, 1) : Fuzz.pick(r, PIECES));
      if (r.nextBoolean()) {
        s.append(' ');
      }
    }
    return s.toString();
  }

  private static Paper paper(String id, String title, String author) {
    return SpellingTest.paper(id, title, "An abstract about " + title.toLowerCase(), author);
  }

  /** The corpus's acronyms without a database: RAG, as the second paper defines it. */
  private static final class KnownAcronyms extends Acronyms {
    KnownAcronyms() {
      super(null, null);
    }

    @Override
    List<String> expansions(String word) {
      return word.equalsIgnoreCase("rag") ? List.of("retrieval augmented generation") : List.of();
    }
  }
}
