package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Service;

/**
 * BM25 search over title, abstract and authors. A query that names a paper — its arXiv id or its
 * exact title — puts that paper first; a multi-word query that matches nothing with every word is
 * retried with any word, and says so.
 */
@Service
public class KeywordSearch {

  /** Deep paging costs memory for every page before it; past this, refine the query instead. */
  static final int MAX_WINDOW = 10_000;

  private final PaperIndex index;
  private final Catalog catalog;
  private final LuceneQueries queries;
  private final Highlights highlights;

  public KeywordSearch(PaperIndex index, Catalog catalog) {
    this.index = index;
    this.catalog = catalog;
    this.queries = new LuceneQueries(index.analyzer());
    this.highlights = new Highlights(index.analyzer());
  }

  public SearchResults search(SearchRequest request) {
    if ((long) request.page() * request.size() > MAX_WINDOW) {
      throw new InvalidQuery(
          "results past the first "
              + MAX_WINDOW
              + " are not served; narrow"
              + " the query or add a filter");
    }
    SearchQuery query = SearchQuery.parse(request.query());
    if (query.isEmpty() && request.category() == null) {
      throw new InvalidQuery(
          "the query is empty: type some words, a \"phrase\", author:name or" + " cat:cs.CL");
    }
    return index.read(searcher -> run(searcher, request, query));
  }

  private SearchResults run(IndexSearcher searcher, SearchRequest request, SearchQuery query)
      throws IOException {
    List<ScoreDoc> exact = exactMatches(searcher, request.query());
    Query strict = queries.build(query, request, true, exact, searcher);
    String notice = null;
    long total = searcher.count(strict);
    Query chosen = strict;
    if (total == 0 && query.positive().size() > 1) {
      chosen = queries.build(query, request, false, exact, searcher);
      total = searcher.count(chosen);
      notice = total == 0 ? null : "No paper has all of these words; showing papers with some.";
    }
    int window = request.page() * request.size();
    TopDocs top = searcher.search(chosen, Math.max(1, window));
    List<ScoreDoc> ranked = new ArrayList<>(exact);
    ranked.addAll(List.of(top.scoreDocs));
    int from = Math.min(ranked.size(), (request.page() - 1) * request.size());
    List<ScoreDoc> page = ranked.subList(from, Math.min(ranked.size(), window));
    return new SearchResults(
        total + exact.size(), request.page(), request.size(), hits(searcher, chosen, page), notice);
  }

  /** The paper the query names by arXiv id or by exact title, if the index holds it. */
  private List<ScoreDoc> exactMatches(IndexSearcher searcher, String text) throws IOException {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    BooleanQuery.Builder named = new BooleanQuery.Builder();
    PaperId.parse(text)
        .ifPresent(
            id -> named.add(new TermQuery(new Term(IndexFields.ID, id.toString())), Occur.SHOULD));
    String key = Text.titleKey(text);
    if (!key.isEmpty()) {
      named.add(new TermQuery(new Term(IndexFields.TITLE_KEY, key)), Occur.SHOULD);
    }
    BooleanQuery q = named.build();
    if (q.clauses().isEmpty()) {
      return List.of();
    }
    return List.of(searcher.search(q, 3).scoreDocs);
  }

  private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, List<ScoreDoc> docs)
      throws IOException {
    Map<Integer, String> ids = new LinkedHashMap<>();
    for (ScoreDoc d : docs) {
      ids.put(d.doc, searcher.storedFields().document(d.doc).get(IndexFields.ID));
    }
    Map<String, Paper> papers =
        catalog
            .findAll(ids.values().stream().map(id -> PaperId.parse(id).orElseThrow()).toList())
            .stream()
            .collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
    Highlights.Marked marked = highlights.mark(searcher, query, docs);
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Paper paper = papers.get(ids.get(docs.get(i).doc));
      if (paper != null) {
        hits.add(
            new SearchResults.Hit(
                paper,
                docs.get(i).score,
                marked.title(i, paper.title()),
                marked.abstractText(i, paper.abstractText())));
      }
    }
    return hits;
  }
}
