package dev.paperboy.search;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Text;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;

/**
 * Finds papers by words (BM25 over title, abstract and authors), by meaning (nearest neighbours of
 * the query's embedding), or both, each weighed by how sure it is ({@link Fusion}). Misspelled
 * words are corrected first ({@link Spelling}), unless the request asks for the query as typed.
 * Whatever the mode, a query that names a paper — its arXiv id or its exact title — puts that paper
 * first.
 */
@Service
public class PaperSearch {

  /** Deep paging costs memory for every page before it; past this, refine the query instead. */
  static final int MAX_WINDOW = 10_000;

  /** Vector search looks at most this deep; meaning fades long before. */
  static final int MAX_NEIGHBOURS = 1_000;

  /** How many of each list hybrid fuses, at least. */
  static final int FUSION_DEPTH = 100;

  /**
   * Matches are counted exactly up to this many; past it, a count would visit every match while
   * block-max WAND skips most of them, so the reader sees "10,000+".
   */
  public static final int COUNT_LIMIT = 10_000;

  /** How many papers nearest in meaning are offered when no paper has the words. */
  static final int CLOSEST = 10;

  static final String NOTHING_CONTAINS =
      "Nothing contains these words; the papers closest in meaning are listed apart.";

  private final PaperIndex index;
  private final Catalog catalog;
  private final Embedder embedder;
  private final LuceneQueries queries;
  private final Highlights highlights;
  private final Spelling spelling;
  private final SimilarityFloors floors;

  PaperSearch(
      PaperIndex index,
      Catalog catalog,
      Embedder embedder,
      Acronyms acronyms,
      SearchSettings settings) {
    this.index = index;
    this.floors = settings.floors() == null ? embedder.model().floors() : settings.floors();
    this.catalog = catalog;
    this.embedder = embedder;
    this.queries = new LuceneQueries(index.analyzer(), acronyms);
    this.highlights = new Highlights(index.analyzer());
    this.spelling = new Spelling(queries, word -> !acronyms.expansions(word).isEmpty());
  }

  public SearchResults search(SearchRequest request) {
    int window = request.page() * request.size();
    if (window > MAX_WINDOW) {
      throw new InvalidQuery(
          "results past the first "
              + MAX_WINDOW
              + " are not served; narrow the query or add"
              + " a filter");
    }
    SearchQuery query = parsed(request);
    try {
      return index.read(searcher -> run(searcher, request, query, window));
    } catch (IndexSearcher.TooManyClauses e) {
      // A pasted abstract in Chinese is hundreds of one-character words.
      throw new InvalidQuery("the query has too many words to search at once; shorten it");
    }
  }

  /** The query a request runs; {@link InvalidQuery} when it has nothing to search for. */
  static SearchQuery parsed(SearchRequest request) {
    SearchQuery parsed = SearchQuery.parse(request.query());
    if (parsed.isEmpty() && request.category() == null) {
      throw new InvalidQuery(InvalidQuery.EMPTY);
    }
    // with a category, a query with nothing searchable browses it, as a blank one does, keeping
    // its exclusions ("-vision" in cs.CV)
    return parsed.isEmpty() && !parsed.positive().isEmpty() ? SearchQuery.parse("") : parsed;
  }

  private SearchResults run(
      IndexSearcher searcher, SearchRequest request, SearchQuery typed, int window)
      throws IOException {
    List<ScoreDoc> exact = exactMatches(searcher, request.query());
    Correction correction = correction(searcher, request, typed, exact);
    SearchQuery query = correction == null ? typed : SearchQuery.parse(correction.corrected());
    Ranked words = keyword(searcher, request, query, Math.max(window, FUSION_DEPTH));
    Ranked ranked =
        switch (request.mode()) {
          case KEYWORD -> words;
          case SEMANTIC ->
              semantic(searcher, request, query, MAX_NEIGHBOURS, words.total() > 0).orElse(words);
          case HYBRID ->
              semantic(searcher, request, query, Math.max(window, FUSION_DEPTH), words.total() > 0)
                  .map(meaning -> hybrid(words, meaning, exact.isEmpty(), Fusion.TUNED))
                  .orElse(words);
        };
    List<ScoreDoc> all = withoutDuplicates(pinned(exact, ranked.docs()), ranked.docs());
    int from = Math.min(all.size(), (request.page() - 1) * request.size());
    List<ScoreDoc> page = all.subList(from, Math.min(all.size(), window));
    return new SearchResults(
        Math.max(ranked.total(), all.size()),
        ranked.exact(),
        request.page(),
        request.size(),
        hits(searcher, words.highlight(), page),
        ranked.notice(),
        hits(searcher, words.highlight(), ranked.closest()),
        correction);
  }

  /**
   * The spelling correction of the query, if any. A query that names a paper is searched as typed:
   * a title may coin a word.
   */
  private Correction correction(
      IndexSearcher searcher, SearchRequest request, SearchQuery typed, List<ScoreDoc> exact)
      throws IOException {
    return exact.isEmpty() && !request.asTyped()
        ? spelling.correct(typed, searcher.getIndexReader()).orElse(null)
        : null;
  }

  /**
   * What a hybrid search of {@code request} fuses, before fusing, with the paper id of every
   * document: how {@code FusionTuning} tries many fusions on one search.
   */
  Candidates candidates(SearchRequest request) {
    SearchQuery typed = parsed(request);
    int depth = Math.max(request.page() * request.size(), FUSION_DEPTH);
    return index.read(
        searcher -> {
          List<ScoreDoc> exact = exactMatches(searcher, request.query());
          Correction correction = correction(searcher, request, typed, exact);
          SearchQuery query =
              correction == null ? typed : SearchQuery.parse(correction.corrected());
          Ranked words = keyword(searcher, request, query, depth);
          Optional<Ranked> meaning = semantic(searcher, request, query, depth, words.total() > 0);
          List<ScoreDoc> all = new ArrayList<>(exact);
          all.addAll(words.docs());
          meaning.ifPresent(m -> all.addAll(m.docs()));
          Map<Integer, String> ids =
              IndexFields.ids(searcher, all.stream().map(d -> d.doc).distinct().toList());
          return new Candidates(exact, words, meaning, ids);
        });
  }

  /** The lists a hybrid search fuses, and the paper id behind each document. */
  record Candidates(
      List<ScoreDoc> exact, Ranked words, Optional<Ranked> meaning, Map<Integer, String> ids) {}

  /**
   * A ranked list of hits, how many there are in all, what to tell the reader, and the papers
   * offered apart when nothing matched.
   */
  record Ranked(
      List<ScoreDoc> docs,
      long total,
      boolean exact,
      Query highlight,
      String notice,
      List<ScoreDoc> closest,
      Fusion.Evidence evidence) {

    Ranked(List<ScoreDoc> docs, long total, boolean exact, Query highlight, String notice) {
      this(docs, total, exact, highlight, notice, List.of(), null);
    }

    Ranked(
        List<ScoreDoc> docs,
        long total,
        boolean exact,
        Query highlight,
        String notice,
        Fusion.Evidence evidence) {
      this(docs, total, exact, highlight, notice, List.of(), evidence);
    }
  }

  /**
   * Papers with every word first (BM25 order), then papers with only some of them: a precise top
   * without losing the papers that phrase things a little differently.
   */
  private Ranked keyword(IndexSearcher searcher, SearchRequest request, SearchQuery query, int n)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    LuceneQueries.Built all = queries.words(query, request, true, reader);
    TopDocs allTop = counted(searcher, all.query(), n);
    long allTotal = allTop.totalHits.value;
    Fusion.Evidence evidence = new Fusion.Evidence(all.known(), allTotal > 0);
    boolean exact = allTop.totalHits.relation == TotalHits.Relation.EQUAL_TO;
    String notice =
        all.fuzzyWords().isEmpty() || allTotal == 0
            ? null
            : "No paper contains "
                + String.join(", ", all.fuzzyWords())
                + "; showing papers with similar words.";
    List<ScoreDoc> docs = new ArrayList<>(List.of(allTop.scoreDocs));
    long total = allTotal;
    if (query.positive().size() > 1 && docs.size() < n) {
      LuceneQueries.Built some = queries.words(query, request, false, reader);
      TopDocs someTop = counted(searcher, some.query(), n);
      total = someTop.totalHits.value;
      exact = someTop.totalHits.relation == TotalHits.Relation.EQUAL_TO;
      docs = withoutDuplicates(docs, List.of(someTop.scoreDocs));
      if (allTotal == 0 && total > 0) {
        notice = "No paper has all of these words; showing papers with some.";
      }
      return new Ranked(
          docs.subList(0, Math.min(n, docs.size())), total, exact, some.query(), notice, evidence);
    }
    return new Ranked(docs, total, exact, all.query(), notice, evidence);
  }

  /** The top {@code n} and the number of hits, exact up to {@link #COUNT_LIMIT}. */
  private static TopDocs counted(IndexSearcher searcher, Query query, int n) throws IOException {
    return searcher.search(query, new TopScoreDocCollectorManager(Math.max(1, n), COUNT_LIMIT));
  }

  /**
   * The matches in meaning of the query's free text, at most {@code n}: the neighbours down to
   * {@link SimilarityFloors#match}, their number the total. None when the query means nothing here:
   * none of its words is in the catalog ({@code wordsFound} false) and even its nearest paper is
   * below {@link SimilarityFloors#nearest}. Empty when the query has no free text.
   */
  private Optional<Ranked> semantic(
      IndexSearcher searcher, SearchRequest request, SearchQuery query, int n, boolean wordsFound)
      throws IOException {
    String text = query.freeText();
    if (text.isBlank() || !index.holdsCurrentVectors()) {
      return Optional.empty();
    }
    int k = Math.min(n, MAX_NEIGHBOURS);
    Query filter = queries.filter(query, request, searcher.getIndexReader());
    TopDocs top =
        searcher.search(
            new KnnFloatVectorQuery(IndexFields.VECTOR, embedder.embedQuery(text), k, filter), k);
    boolean meaningful =
        wordsFound
            || top.scoreDocs.length > 0
                && top.scoreDocs[0].score >= SimilarityFloors.score(floors.nearest());
    float match = SimilarityFloors.score(floors.match());
    List<ScoreDoc> near =
        meaningful
            ? Arrays.stream(top.scoreDocs).takeWhile(d -> d.score >= match).toList()
            : List.of();
    return Optional.of(new Ranked(near, near.size(), near.size() < k, null, null));
  }

  /**
   * Papers with the words, joined by the matches in meaning, ranked by {@code fusion}. When no
   * paper has any of the words (and the query names no paper), nothing matches: the matches in
   * meaning are offered apart, the closest first, rather than passed off as results.
   */
  Ranked hybrid(Ranked words, Ranked meaning, boolean nothingNamed, Fusion fusion) {
    if (words.total() == 0 && nothingNamed) {
      List<ScoreDoc> closest = meaning.docs().subList(0, Math.min(CLOSEST, meaning.docs().size()));
      return new Ranked(
          List.of(),
          0,
          true,
          words.highlight(),
          closest.isEmpty() ? words.notice() : NOTHING_CONTAINS,
          closest,
          words.evidence());
    }
    return fuse(words, meaning, fusion);
  }

  /**
   * Both lists, fused. The total adds the matches in meaning that lack the words; when not every
   * paper with the words was fetched, some of those might have them, so the total is the word count
   * and a lower bound.
   */
  private Ranked fuse(Ranked words, Ranked meaning, Fusion fusion) {
    List<ScoreDoc> w = words.docs();
    List<ScoreDoc> docs = fusion.fuse(words.evidence(), w, meaning.docs(), floors.match());
    long added = docs.size() - w.size();
    boolean allWords = w.size() == words.total();
    return new Ranked(
        docs,
        allWords ? words.total() + added : words.total(),
        words.exact() && (allWords || added == 0),
        words.highlight(),
        words.notice());
  }

  private static List<ScoreDoc> withoutDuplicates(List<ScoreDoc> first, List<ScoreDoc> rest) {
    Map<Integer, ScoreDoc> seen = new LinkedHashMap<>();
    first.forEach(d -> seen.putIfAbsent(d.doc, d));
    rest.forEach(d -> seen.putIfAbsent(d.doc, d));
    return new ArrayList<>(seen.values());
  }

  /** The paper the query names by arXiv id or by exact title, if the index holds it. */
  /**
   * The exact title or id matches, scored above everything ranked after them, so that a client that
   * sorts by score keeps them first.
   */
  private static List<ScoreDoc> pinned(List<ScoreDoc> exact, List<ScoreDoc> ranked) {
    float top = 0;
    for (ScoreDoc d : ranked) {
      top = Math.max(top, d.score);
    }
    List<ScoreDoc> pinned = new ArrayList<>();
    for (ScoreDoc d : exact) {
      pinned.add(new ScoreDoc(d.doc, Math.max(d.score, top + 1), d.shardIndex));
    }
    return pinned;
  }

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
    return q.clauses().isEmpty() ? List.of() : List.of(searcher.search(q, 3).scoreDocs);
  }

  /**
   * Which of these papers match every word and filter of {@code text} (a topic, in the search box's
   * syntax): how a topic narrows trending papers.
   */
  public Set<String> matchingAmong(String text, Collection<String> ids) {
    SearchQuery query = SearchQuery.parse(text);
    if (query.isEmpty()) {
      throw new InvalidQuery("the topic is empty");
    }
    if (ids.isEmpty()) {
      return Set.of();
    }
    SearchRequest request = new SearchRequest(text, SearchMode.KEYWORD, null, null, null, 1, 1);
    return index.read(
        searcher -> {
          Query among =
              new BooleanQuery.Builder()
                  .add(
                      queries.words(query, request, true, searcher.getIndexReader()).query(),
                      Occur.MUST)
                  .add(
                      new TermInSetQuery(IndexFields.ID, ids.stream().map(BytesRef::new).toList()),
                      Occur.FILTER)
                  .build();
          TopDocs top = searcher.search(among, ids.size());
          List<Integer> docs = Arrays.stream(top.scoreDocs).map(d -> d.doc).toList();
          return Set.copyOf(IndexFields.ids(searcher, docs).values());
        });
  }

  /** How many papers the index holds: the catalog's size without counting its rows. */
  public long size() {
    return index.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  /**
   * How many papers match the query's words in each of the {@code weeks} weeks up to {@code end},
   * oldest first: whether a topic is rising, at a glance.
   */
  public int[] weekly(String text, LocalDate end, int weeks) {
    SearchQuery query = SearchQuery.parse(text);
    if (query.isEmpty()) {
      return new int[weeks];
    }
    SearchRequest all = new SearchRequest(text, SearchMode.KEYWORD, null, null, null, 1, 1);
    LocalDate start = end.minusWeeks(weeks).plusDays(1);
    return index.read(
        searcher -> {
          LuceneQueries.Built built = queries.words(query, all, true, searcher.getIndexReader());
          Query inRange =
              new BooleanQuery.Builder()
                  .add(built.query(), Occur.MUST)
                  .add(
                      LongPoint.newRangeQuery(
                          IndexFields.PUBLISHED, start.toEpochDay(), end.toEpochDay()),
                      Occur.FILTER)
                  .build();
          return searcher.search(inRange, new WeeklyCounts(start.toEpochDay(), weeks));
        });
  }

  /** Papers nearest in meaning to this one, itself excluded. */
  public List<Paper> related(PaperId id, int count) {
    return index.read(
        searcher -> {
          TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.ID, id.toString())), 1);
          if (self.scoreDocs.length == 0) {
            return List.of();
          }
          float[] vector = IndexFields.vector(searcher, self.scoreDocs[0].doc);
          if (vector == null) {
            return List.of();
          }
          Query notSelf =
              new BooleanQuery.Builder()
                  .add(new MatchAllDocsQuery(), Occur.MUST)
                  .add(new TermQuery(new Term(IndexFields.ID, id.toString())), Occur.MUST_NOT)
                  .build();
          TopDocs near =
              searcher.search(
                  new KnnFloatVectorQuery(IndexFields.VECTOR, vector, count, notSelf), count);
          return papers(searcher, List.of(near.scoreDocs)).values().stream().toList();
        });
  }

  /**
   * The catalog's papers behind these documents, in their order. What the index cannot promise is
   * left out rather than failed on: a second document of the same paper (an index written before
   * updates were keyed by id), a paper no longer in the catalog, an id that no longer parses.
   */
  private Map<Integer, Paper> papers(IndexSearcher searcher, List<ScoreDoc> docs)
      throws IOException {
    Map<PaperId, Integer> firstDoc = new LinkedHashMap<>();
    IndexFields.ids(searcher, docs.stream().map(d -> d.doc).toList())
        .forEach((doc, id) -> PaperId.parse(id).ifPresent(p -> firstDoc.putIfAbsent(p, doc)));
    Map<Integer, Paper> result = new LinkedHashMap<>();
    catalog
        .findAll(List.copyOf(firstDoc.keySet()))
        .forEach(p -> result.put(firstDoc.get(p.id()), p));
    return result;
  }

  private List<SearchResults.Hit> hits(IndexSearcher searcher, Query highlight, List<ScoreDoc> page)
      throws IOException {
    Map<Integer, Paper> papers = papers(searcher, page);
    Highlights.Marked marked = highlights.mark(searcher, highlight, page, papers);
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < page.size(); i++) {
      position.put(page.get(i).doc, i);
    }
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (ScoreDoc d : page) {
      Paper paper = papers.get(d.doc);
      if (paper != null) {
        int i = position.get(d.doc);
        hits.add(
            new SearchResults.Hit(
                paper,
                d.score,
                marked.title(i, paper.title()),
                marked.abstractText(i, paper.abstractText())));
      }
    }
    return hits;
  }
}
