package dev.paperboy.library;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.search.SearchResults;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * What a new reader chooses from in their first minute: about a dozen recent papers drawn in turn
 * from each of their digest topics (trending in the topic this month first, then the topic's best
 * matches), or from trending when they follow none, leaving out what they already saved, turned
 * down (👎, "not interested") or were recommended; and an author's papers, for "papers by me".
 */
@Service
public class FirstPicks {

  /** Papers offered at once. */
  public static final int PICKS = 12;

  /** No author's name is longer; a longer one finds nothing rather than a refused search. */
  static final int LONGEST_NAME = 200;

  /** An author's papers listed at once. */
  public static final int BY_AUTHOR = 50;

  private final Trending trending;
  private final PaperSearch search;
  private final Catalog catalog;
  private final LibraryRows rows;

  FirstPicks(Trending trending, PaperSearch search, Catalog catalog, LibraryRows rows) {
    this.trending = trending;
    this.search = search;
    this.catalog = catalog;
    this.rows = rows;
  }

  /** A topic's matches looked at, so that enough are left past those the reader already knows. */
  static final int LOOKED_AT = PICKS * 4;

  /**
   * The papers to offer a reader following {@code topics} (saved searches; none: trending, then the
   * newest). A reader with topics is offered only their topics' papers, fewer or none when they
   * know them all: other fields' papers would teach their ranking nothing.
   */
  public List<Paper> offer(UUID reader, List<String> topics) {
    List<List<Paper>> sources =
        topics.isEmpty()
            ? List.of(trending(null))
            : topics.stream()
                .map(t -> Stream.concat(trending(t).stream(), matches(t).stream()).toList())
                .toList();
    List<Paper> candidates = new ArrayList<>(interleaved(sources));
    if (topics.isEmpty()) {
      candidates.addAll(catalog.newest(1, PICKS * 2));
    }
    Set<String> known =
        new HashSet<>(
            rows.knownAmong(reader, candidates.stream().map(p -> p.id().toString()).toList()));
    Map<String, Paper> offered = new LinkedHashMap<>();
    for (Paper p : candidates) {
      if (offered.size() < PICKS && !known.contains(p.id().toString())) {
        offered.putIfAbsent(p.id().toString(), p);
      }
    }
    return List.copyOf(offered.values());
  }

  /**
   * The papers whose authors include {@code name} (as the search box's {@code author:"..."} finds
   * them), newest first; none for a blank name or one longer than {@value #LONGEST_NAME}.
   */
  public List<Paper> byAuthor(String name) {
    String cleaned = asWritten(name == null ? "" : name.replaceAll("[\"\\p{Cntrl}]", " ").strip());
    if (cleaned.isEmpty() || cleaned.length() > LONGEST_NAME) {
      return List.of();
    }
    List<Paper> found =
        found(
            new SearchRequest(
                "author:\"" + cleaned + "\"",
                SearchMode.KEYWORD,
                null,
                null,
                null,
                1,
                BY_AUTHOR,
                true));
    return found.stream()
        .sorted(
            Comparator.comparing(
                Paper::published, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())))
        .toList();
  }

  /**
   * "Lovelace, Ada", as references list authors, is searched as papers print it: "Ada Lovelace".
   */
  static String asWritten(String name) {
    int comma = name.indexOf(',');
    if (comma < 0 || comma != name.lastIndexOf(',')) {
      return name;
    }
    return (name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip()).strip();
  }

  private List<Paper> trending(String topic) {
    try {
      return trending.top(Window.MONTH, topic, PICKS).stream().map(Trending.Trend::paper).toList();
    } catch (InvalidQuery e) {
      return List.of();
    }
  }

  private List<Paper> matches(String topic) {
    return found(new SearchRequest(topic, SearchMode.HYBRID, null, null, null, 1, LOOKED_AT));
  }

  /** The papers a search finds; none for a query the search refuses (nothing searchable in it). */
  private List<Paper> found(SearchRequest request) {
    try {
      return search.search(request).hits().stream().map(SearchResults.Hit::paper).toList();
    } catch (InvalidQuery e) {
      return List.of();
    }
  }

  /** One from each list in turn, so every topic is represented among the first few. */
  private static List<Paper> interleaved(List<List<Paper>> lists) {
    List<Iterator<Paper>> its = lists.stream().map(List::iterator).toList();
    List<Paper> out = new ArrayList<>();
    boolean any = true;
    while (any) {
      any = false;
      for (Iterator<Paper> it : its) {
        if (it.hasNext()) {
          out.add(it.next());
          any = true;
        }
      }
    }
    return out;
  }
}
