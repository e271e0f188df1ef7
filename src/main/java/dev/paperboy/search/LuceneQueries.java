package dev.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a parsed {@link SearchQuery} and its filters into Lucene queries. Forgiving by design: a
 * word the index has never seen is matched fuzzily (a typo still finds its papers), and a word the
 * corpus defines as an acronym also matches its long form.
 */
final class LuceneQueries {

  /** A title match says more about what a paper is about than an abstract match. */
  static final float TITLE_BOOST = 3f;

  private static final String[] TEXT_FIELDS = {IndexFields.TITLE, IndexFields.ABSTRACT};

  private final QueryBuilder builder;
  private final Acronyms acronyms;

  LuceneQueries(Analyzer analyzer, Acronyms acronyms) {
    this.builder = new QueryBuilder(analyzer);
    this.acronyms = acronyms;
  }

  /**
   * What the words of a query became, whether any had to be read fuzzily, and the share of its
   * words the index knows as typed (1 when it has none).
   */
  record Built(Query query, boolean hasWords, List<String> fuzzyWords, double known) {}

  /**
   * The ranking query. With {@code strict}, every clause must match; otherwise any one will do.
   * Filters (category, dates, exclusions) apply either way.
   */
  Built words(SearchQuery query, SearchRequest request, boolean strict, IndexReader reader)
      throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<String> fuzzy = new ArrayList<>();
    int words = 0;
    for (SearchQuery.Clause clause : query.positive()) {
      Query q = clause(clause, reader, fuzzy);
      if (q != null) {
        b.add(q, strict ? Occur.MUST : Occur.SHOULD);
        words++;
      }
    }
    boolean any = words > 0;
    if (!any) {
      b.add(
          query.positive().isEmpty() ? new MatchAllDocsQuery() : new MatchNoDocsQuery(),
          Occur.MUST);
    } else if (!strict) {
      b.setMinimumNumberShouldMatch(1);
    }
    addFilters(b, query, request, reader);
    return new Built(b.build(), any, fuzzy, any ? 1 - (double) fuzzy.size() / words : 1);
  }

  /** Only the filters: what a vector search must also honour. Null when there are none. */
  Query filter(SearchQuery query, SearchRequest request, IndexReader reader) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    addFilters(b, query, request, reader);
    for (SearchQuery.Clause c : query.positive()) {
      if ("author".equals(c.field())) {
        b.add(clause(c, reader, new ArrayList<>()), Occur.FILTER);
      }
    }
    BooleanQuery filters = b.build();
    if (filters.clauses().isEmpty()) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.MUST)
        .add(filters, Occur.FILTER)
        .build();
  }

  private void addFilters(
      BooleanQuery.Builder b, SearchQuery query, SearchRequest request, IndexReader reader)
      throws IOException {
    for (SearchQuery.Clause c : query.clauses()) {
      if ("cat".equals(c.field())) {
        b.add(category(c.value()), c.excluded() ? Occur.MUST_NOT : Occur.FILTER);
      } else if (c.excluded()) {
        Query q = clause(c, reader, null);
        if (q != null) {
          b.add(q, Occur.MUST_NOT);
        }
      }
    }
    if (request.category() != null && !request.category().isBlank()) {
      b.add(category(request.category().strip()), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, to), Occur.FILTER);
    }
  }

  /**
   * @param fuzzy collects words read fuzzily; null to read every word exactly
   */
  private Query clause(SearchQuery.Clause c, IndexReader reader, List<String> fuzzy)
      throws IOException {
    if ("author".equals(c.field())) {
      Query q = builder.createPhraseQuery(IndexFields.AUTHORS, c.value());
      return q == null ? new MatchNoDocsQuery("author name has no searchable words") : q;
    }
    if ("title".equals(c.field())) {
      return c.phrase()
          ? builder.createPhraseQuery(IndexFields.TITLE, c.value())
          : builder.createBooleanQuery(IndexFields.TITLE, c.value(), Occur.MUST);
    }
    if (c.phrase()) {
      return anyField(
          builder.createPhraseQuery(IndexFields.TITLE, c.value()),
          builder.createPhraseQuery(IndexFields.ABSTRACT, c.value()),
          builder.createPhraseQuery(IndexFields.AUTHORS, c.value()));
    }
    Query exact = word(c.value());
    if (exact == null) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>(List.of(exact));
    for (String expansion : acronyms.expansions(c.value())) {
      alternatives.add(
          anyField(
              builder.createPhraseQuery(IndexFields.TITLE, expansion),
              builder.createPhraseQuery(IndexFields.ABSTRACT, expansion),
              null));
    }
    if (fuzzy != null && alternatives.size() == 1 && unseen(c.value(), reader)) {
      Query f = fuzzyWord(c.value());
      if (f != null) {
        fuzzy.add(c.value());
        alternatives.add(f);
      }
    }
    return alternatives.size() == 1 ? exact : new DisjunctionMaxQuery(alternatives, 0f);
  }

  private Query word(String value) {
    // A common word ("in", "for", "how") leaves nothing in titles and abstracts; read in author
    // names alone it would demand an author called "In" of every paper.
    if (builder.createBooleanQuery(IndexFields.TITLE, value, Occur.MUST) == null
        && builder.createBooleanQuery(IndexFields.ABSTRACT, value, Occur.MUST) == null) {
      return null;
    }
    return anyField(
        builder.createBooleanQuery(IndexFields.TITLE, value, Occur.MUST),
        builder.createBooleanQuery(IndexFields.ABSTRACT, value, Occur.MUST),
        builder.createBooleanQuery(IndexFields.AUTHORS, value, Occur.MUST));
  }

  /** The best field decides, with a little credit for matching in several. */
  private static Query anyField(Query title, Query abstractText, Query authors) {
    List<Query> alternatives = new ArrayList<>();
    if (title != null) {
      alternatives.add(new BoostQuery(title, TITLE_BOOST));
    }
    if (abstractText != null) {
      alternatives.add(abstractText);
    }
    if (authors != null) {
      alternatives.add(authors);
    }
    return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  /** True when no analyzed form of the word occurs in titles, abstracts or author names. */
  boolean unseen(String value, IndexReader reader) throws IOException {
    for (String field :
        new String[] {IndexFields.TITLE, IndexFields.ABSTRACT, IndexFields.AUTHORS}) {
      if (seenIn(field, value, reader)) {
        return false;
      }
    }
    return true;
  }

  /** True when some analyzed form of the word occurs in this field of some paper. */
  boolean seenIn(String field, String value, IndexReader reader) throws IOException {
    for (Term t : terms(field, value)) {
      if (reader.docFreq(t) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Typos within one edit for words of 4–6 letters and two for longer ones; the first letter is
   * kept, since people rarely mistype it and it keeps the expansion small.
   */
  private Query fuzzyWord(String value) {
    List<Query> perField = new ArrayList<>();
    for (String field : TEXT_FIELDS) {
      List<Term> terms = terms(field, value);
      if (terms.size() != 1 || terms.get(0).text().length() < 4) {
        return null;
      }
      Term t = terms.get(0);
      int edits = t.text().length() <= 6 ? 1 : 2;
      Query q = new FuzzyQuery(t, edits, 1, 50, true);
      perField.add(field.equals(IndexFields.TITLE) ? new BoostQuery(q, TITLE_BOOST) : q);
    }
    return new DisjunctionMaxQuery(perField, 0.1f);
  }

  List<Term> terms(String field, String value) {
    Query q = builder.createBooleanQuery(field, value, Occur.MUST);
    List<Term> terms = new ArrayList<>();
    if (q instanceof TermQuery tq) {
      terms.add(tq.getTerm());
    } else if (q instanceof BooleanQuery bq) {
      bq.clauses()
          .forEach(
              cl -> {
                if (cl.getQuery() instanceof TermQuery tq) {
                  terms.add(tq.getTerm());
                }
              });
    }
    return terms;
  }

  private static Query category(String value) {
    return new TermQuery(new Term(IndexFields.CATEGORY, value.toLowerCase(Locale.ROOT)));
  }
}
