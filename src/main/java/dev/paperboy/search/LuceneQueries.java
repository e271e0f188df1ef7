package dev.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** Turns a parsed {@link SearchQuery} and its filters into a Lucene query. */
final class LuceneQueries {

  /** A title match says more about what a paper is about than an abstract match. */
  static final float TITLE_BOOST = 3f;

  private final QueryBuilder builder;

  LuceneQueries(Analyzer analyzer) {
    this.builder = new QueryBuilder(analyzer);
  }

  /**
   * @param strict every clause must match (otherwise any positive clause will do)
   * @param exclude documents already placed first, left out here so they are not listed twice
   */
  Query build(
      SearchQuery query,
      SearchRequest request,
      boolean strict,
      List<ScoreDoc> exclude,
      IndexSearcher searcher)
      throws java.io.IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean anyPositive = false;
    for (SearchQuery.Clause clause : query.clauses()) {
      if ("cat".equals(clause.field())) {
        b.add(category(clause.value()), clause.excluded() ? Occur.MUST_NOT : Occur.FILTER);
        continue;
      }
      Query q = clause(clause);
      if (q == null) {
        continue;
      }
      if (clause.excluded()) {
        b.add(q, Occur.MUST_NOT);
      } else {
        b.add(q, strict ? Occur.MUST : Occur.SHOULD);
        anyPositive = true;
      }
    }
    if (!anyPositive) {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    } else if (!strict) {
      b.setMinimumNumberShouldMatch(1);
    }
    filters(b, request);
    for (ScoreDoc d : exclude) {
      String id = searcher.storedFields().document(d.doc).get(IndexFields.ID);
      b.add(new TermQuery(new Term(IndexFields.ID, id)), Occur.MUST_NOT);
    }
    return b.build();
  }

  private Query clause(SearchQuery.Clause c) {
    if ("author".equals(c.field())) {
      return phraseOrAll(IndexFields.AUTHORS, c.value());
    }
    if ("title".equals(c.field())) {
      return c.phrase()
          ? builder.createPhraseQuery(IndexFields.TITLE, c.value())
          : builder.createBooleanQuery(IndexFields.TITLE, c.value(), Occur.MUST);
    }
    List<Query> alternatives = new ArrayList<>();
    add(alternatives, fieldQuery(IndexFields.TITLE, c), TITLE_BOOST);
    add(alternatives, fieldQuery(IndexFields.ABSTRACT, c), 1f);
    add(alternatives, fieldQuery(IndexFields.AUTHORS, c), 1f);
    // A little credit for matching in several fields, but the best field decides.
    return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  private Query fieldQuery(String field, SearchQuery.Clause c) {
    return c.phrase()
        ? builder.createPhraseQuery(field, c.value())
        : builder.createBooleanQuery(field, c.value(), Occur.MUST);
  }

  /** "author:hinton" is a word; author:"Geoffrey Hinton" keeps first and last name together. */
  private Query phraseOrAll(String field, String value) {
    Query q = builder.createPhraseQuery(field, value);
    return q == null ? new MatchNoDocsQuery("author name has no searchable words") : q;
  }

  private static void add(List<Query> list, Query q, float boost) {
    if (q != null) {
      list.add(boost == 1f ? q : new BoostQuery(q, boost));
    }
  }

  private static Query category(String value) {
    return new TermQuery(new Term(IndexFields.CATEGORY, value.toLowerCase(Locale.ROOT)));
  }

  private static void filters(BooleanQuery.Builder b, SearchRequest request) {
    if (request.category() != null && !request.category().isBlank()) {
      b.add(category(request.category().strip()), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, to), Occur.FILTER);
    }
  }
}
