package dev.paperboy.library;

import dev.paperboy.catalog.TexText;
import dev.paperboy.catalog.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the catalog's paper for each library entry: by arXiv id (versionless), then DOI (any case),
 * then normalized title. Three queries for a whole import, each on an index ({@code paper}'s key,
 * {@code lower(doi)}, {@code title_key}).
 */
@Component
class CatalogMatch {

  /**
   * A title key of one word, or shorter than this ("introduction", "a survey"), names too many
   * papers to match by; such entries match by id or not at all.
   */
  static final int SHORTEST_TITLE_KEY = 12;

  private final JdbcClient jdbc;

  CatalogMatch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The paper id each entry matched, in the entries' order; null where none did. */
  List<String> match(List<LibraryEntry> entries) {
    Set<String> byArxiv =
        existing(
            entries.stream()
                .filter(e -> e.arxivId() != null)
                .map(e -> "arxiv:" + e.arxivId())
                .toList());
    Map<String, String> byDoi =
        lookup(
            "select lower(doi), min(id) from paper where doi is not null and lower(doi) = any(?)"
                + " group by 1",
            entries.stream().map(LibraryEntry::doi).filter(d -> d != null).toList());
    Map<String, String> byTitle =
        lookup(
            "select title_key, min(id) from paper where title_key = any(?) group by 1",
            entries.stream().flatMap(e -> titleKeys(e.title()).stream()).toList());
    List<String> matched = new ArrayList<>(entries.size());
    for (LibraryEntry e : entries) {
      String arxiv = e.arxivId() == null ? null : "arxiv:" + e.arxivId();
      String id = arxiv != null && byArxiv.contains(arxiv) ? arxiv : byDoi.get(e.doi());
      for (String key : titleKeys(e.title())) {
        id = id != null ? id : byTitle.get(key);
      }
      matched.add(id);
    }
    return matched;
  }

  /**
   * The keys a title can meet the catalog's {@code title_key} under: exports write TeX ({@code
   * Schr{\"o}dinger}, {@code {BERT}}) where the catalog may hold it decoded or as written.
   */
  static Set<String> titleKeys(String title) {
    Set<String> keys = new LinkedHashSet<>();
    if (title == null) {
      return keys;
    }
    for (String variant : List.of(TexText.plain(title), title)) {
      String key = Text.titleKey(variant);
      if (key.length() >= SHORTEST_TITLE_KEY && key.indexOf(' ') > 0) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Which of these paper ids the catalog holds. */
  Set<String> existing(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql("select id from paper where id = any(?)")
            .param(ids.stream().distinct().toArray(String[]::new))
            .query(String.class)
            .list());
  }

  private Map<String, String> lookup(String sql, List<String> keys) {
    Map<String, String> found = new HashMap<>();
    if (!keys.isEmpty()) {
      jdbc.sql(sql)
          .param(keys.stream().distinct().toArray(String[]::new))
          .query(
              rs -> {
                found.put(rs.getString(1), rs.getString(2));
              });
    }
    return found;
  }
}
