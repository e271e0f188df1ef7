package dev.paperboy.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The papers in PostgreSQL: upsert with merge, lookups, and the newest-first listing. */
@Repository
public class Catalog {

  private static final String COLUMNS =
      "id, version, title, abstract, authors, primary_category, categories, published, updated,"
          + " abstract_url, pdf_url, doi, code_url, project_url, comment, journal_ref, sources,"
          + " first_seen";

  private static final String UPSERT =
      "insert into paper (id, version, title, title_key, abstract, authors, primary_category,"
          + " categories, published, updated, abstract_url, pdf_url, doi, code_url, project_url,"
          + " comment, journal_ref, sources)"
          + " values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (id) do update set version = excluded.version, title = excluded.title,"
          + " title_key = excluded.title_key, abstract = excluded.abstract,"
          + " authors = excluded.authors, primary_category = excluded.primary_category,"
          + " categories = excluded.categories, published = excluded.published,"
          + " updated = excluded.updated, abstract_url = excluded.abstract_url,"
          + " pdf_url = excluded.pdf_url, doi = excluded.doi, code_url = excluded.code_url,"
          + " project_url = excluded.project_url,"
          + " comment = excluded.comment, journal_ref = excluded.journal_ref,"
          + " sources = excluded.sources, changed_at = now()";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final RowMapper<Paper> mapper = this::mapPaper;

  public Catalog(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** What happened to one incoming record. */
  public enum Change {
    NEW,
    UPDATED,
    UNCHANGED
  }

  /** One incoming record's fate and the paper as now stored. */
  public record Upserted(Paper paper, Change change) {}

  /**
   * Stores a batch of incoming papers, merging each with what is already known about it (see {@link
   * Paper#mergedWith}). A record without an arXiv id joins an existing paper with the same DOI or
   * title, so the same paper from two sources is one paper.
   */
  @Transactional
  public List<Upserted> upsert(List<Paper> incoming) {
    List<Paper> resolved = incoming.stream().map(this::resolveIdentity).toList();
    Map<PaperId, Paper> current = new HashMap<>();
    findAll(resolved.stream().map(Paper::id).distinct().toList())
        .forEach(p -> current.put(p.id(), p));
    List<Upserted> results = new ArrayList<>(resolved.size());
    Map<PaperId, Paper> toWrite = new LinkedHashMap<>();
    Set<String> newText = new HashSet<>();
    for (Paper paper : resolved) {
      Paper existing = current.get(paper.id());
      Upserted outcome = decide(existing, paper);
      if (outcome.change() != Change.UNCHANGED) {
        if (existing != null && !sameText(existing, outcome.paper())) {
          newText.add(paper.id().toString());
        }
        toWrite.put(paper.id(), outcome.paper());
        current.put(paper.id(), outcome.paper());
      }
      results.add(outcome);
    }
    template.batchUpdate(UPSERT, toWrite.values().stream().map(this::upsertArgs).toList());
    dropVectors(newText);
    return results;
  }

  /**
   * A vector is computed from a paper's title and abstract: when either changes, the stored one is
   * dropped in the same transaction, so the paper counts as not yet embedded (see {@link
   * Embeddings#missing}) instead of keeping an older text's vector.
   */
  private void dropVectors(Set<String> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from paper_embedding where paper_id = any(?)")
          .param(ids.toArray(String[]::new))
          .update();
    }
  }

  private static boolean sameText(Paper a, Paper b) {
    return a.title().equals(b.title()) && a.abstractText().equals(b.abstractText());
  }

  private static Upserted decide(Paper existing, Paper incoming) {
    if (existing == null) {
      return new Upserted(incoming, Change.NEW);
    }
    Paper merged = existing.mergedWith(incoming);
    return new Upserted(merged, merged.equals(existing) ? Change.UNCHANGED : Change.UPDATED);
  }

  private Paper resolveIdentity(Paper paper) {
    if (paper.id().isArxiv()) {
      return paper;
    }
    Optional<PaperId> byDoi =
        Optional.ofNullable(paper.links().doi())
            .flatMap(
                doi ->
                    jdbc.sql("select id from paper where lower(doi) = lower(?) limit 1")
                        .param(doi)
                        .query(String.class)
                        .optional())
            .flatMap(PaperId::parse);
    Optional<PaperId> existing =
        byDoi.or(
            () ->
                jdbc.sql("select id from paper where title_key = ? order by id limit 1")
                    .param(Text.titleKey(paper.title()))
                    .query(String.class)
                    .optional()
                    .flatMap(PaperId::parse));
    return existing.map(paper::withId).orElse(paper);
  }

  private Object[] upsertArgs(Paper p) {
    Links l = p.links();
    return new Object[] {
      p.id().toString(),
      p.version(),
      p.title(),
      Text.titleKey(p.title()),
      p.abstractText(),
      AuthorsJson.write(p.authors()),
      p.primaryCategory(),
      p.categories().toArray(String[]::new),
      p.published(),
      p.updated(),
      l.abstractPage(),
      l.pdf(),
      l.doi(),
      l.code(),
      l.project(),
      p.comment(),
      p.journalRef(),
      p.sources().toArray(String[]::new)
    };
  }

  /** Stores the latest value of each signal; returns the papers whose signals changed. */
  @Transactional
  public Set<PaperId> saveSignals(List<Signal> signals) {
    Set<PaperId> changed = new HashSet<>();
    for (Signal s : signals) {
      int rows =
          jdbc.sql(
                  "insert into paper_signal (paper_id, source, kind, value, observed_at)"
                      + " values (?, ?, ?, ?, ?) on conflict (paper_id, source, kind) do update"
                      + " set value = excluded.value, observed_at = excluded.observed_at"
                      + " where paper_signal.value <> excluded.value")
              .params(
                  s.paperId().toString(),
                  s.source(),
                  s.kind(),
                  s.value(),
                  Timestamp.from(s.observedAt()))
              .update();
      if (rows > 0) {
        changed.add(s.paperId());
      }
    }
    return changed;
  }

  /** Signals of one paper, as source/kind → value. */
  public Map<String, Long> signals(PaperId id) {
    Map<String, Long> result = new LinkedHashMap<>();
    jdbc.sql("select source, kind, value from paper_signal where paper_id = ? order by 1, 2")
        .param(id.toString())
        .query(
            rs -> {
              result.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
            });
    return result;
  }

  /** Signals of each of the papers that has any, as paper id → source/kind → value. */
  public Map<PaperId, Map<String, Long>> signals(Collection<PaperId> ids) {
    Map<PaperId, Map<String, Long>> result = new HashMap<>();
    jdbc.sql(
            "select paper_id, source, kind, value from paper_signal where paper_id = any(?)"
                + " order by 1, 2, 3")
        .param(ids.stream().map(PaperId::toString).toArray(String[]::new))
        .query(
            rs -> {
              result
                  .computeIfAbsent(
                      PaperId.parse(rs.getString(1)).orElseThrow(), k -> new LinkedHashMap<>())
                  .put(rs.getString(2) + " " + rs.getString(3), rs.getLong(4));
            });
    return result;
  }

  /**
   * The paper named by an id as written in a URL ({@code arxiv:hep-th/9901001}, a bare arXiv id, a
   * DOI); {@link PaperNotFound} when it names nothing.
   */
  public Paper get(String id) {
    return PaperId.parse(id).flatMap(this::find).orElseThrow(() -> new PaperNotFound(id));
  }

  public Optional<Paper> find(PaperId id) {
    return jdbc.sql("select " + COLUMNS + " from paper where id = ?")
        .param(id.toString())
        .query(mapper)
        .optional();
  }

  /** The papers with these ids, in the order given; unknown ids are left out. */
  public List<Paper> findAll(List<PaperId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<PaperId, Paper> byId = new HashMap<>();
    jdbc.sql("select " + COLUMNS + " from paper where id = any(?)")
        .param(ids.stream().map(PaperId::toString).toArray(String[]::new))
        .query(mapper)
        .list()
        .forEach(p -> byId.put(p.id(), p));
    return ids.stream().map(byId::get).filter(p -> p != null).toList();
  }

  /** One page of the newest papers (by publication date), page counted from 1. */
  public List<Paper> newest(int page, int size) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from paper order by published desc nulls last, id desc"
                + " limit ? offset ?")
        .params(size, (long) (page - 1) * size)
        .query(mapper)
        .list();
  }

  /** Cheaper than {@link #count} on a big catalog. */
  public boolean hasPapers() {
    return jdbc.sql("select exists (select 1 from paper)").query(Boolean.class).single();
  }

  public long count() {
    return jdbc.sql("select count(*) from paper").query(Long.class).single();
  }

  /** Up to {@code limit} papers with ids after {@code afterId} (null: from the start). */
  public List<Paper> after(String afterId, int limit) {
    return jdbc.sql("select " + COLUMNS + " from paper where id > ? order by id limit ?")
        .params(afterId == null ? "" : afterId, limit)
        .query(mapper)
        .list();
  }

  private Paper mapPaper(ResultSet rs, int row) throws SQLException {
    return new Paper(
        PaperId.parse(rs.getString("id")).orElseThrow(),
        (Integer) rs.getObject("version"),
        rs.getString("title"),
        rs.getString("abstract"),
        AuthorsJson.read(rs.getString("authors")),
        rs.getString("primary_category"),
        strings(rs.getArray("categories")),
        rs.getObject("published", LocalDate.class),
        rs.getObject("updated", LocalDate.class),
        new Links(
            rs.getString("abstract_url"),
            rs.getString("pdf_url"),
            rs.getString("doi"),
            rs.getString("code_url"),
            rs.getString("project_url")),
        rs.getString("comment"),
        rs.getString("journal_ref"),
        strings(rs.getArray("sources")),
        rs.getTimestamp("first_seen").toInstant());
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
