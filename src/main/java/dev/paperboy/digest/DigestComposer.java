package dev.paperboy.digest;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.search.SearchRequest;
import dev.paperboy.trending.Signals;
import dev.paperboy.trending.TrendingScore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses a subscriber's papers for a period: for each topic (a saved search; none means all
 * trending), the recent matching papers ranked by {@link TrendingScore} on readers' votes and views
 * and imported upvotes inside the period, never one already sent to this subscriber, each paper
 * once, grouped by the topic that found it.
 */
@Component
class DigestComposer {

  static final int PER_TOPIC = 5;
  static final int ALL_TRENDING = 10;
  static final String EVERYTHING = "All trending papers";

  /** Papers of one topic. */
  record Group(String topic, List<Paper> papers) {}

  private static final Signals.Counts NONE = new Signals.Counts(0, 0);

  private final PaperSearch search;
  private final Signals signals;
  private final Catalog catalog;
  private final JdbcClient jdbc;
  private final Clock clock;

  DigestComposer(
      PaperSearch search, Signals signals, Catalog catalog, JdbcClient jdbc, Clock clock) {
    this.search = search;
    this.signals = signals;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Group> compose(Subscriber s, DigestPeriod period) {
    Set<String> sent =
        new HashSet<>(
            jdbc.sql("select paper_id from digest_paper where subscriber_id = ?")
                .param(s.id())
                .query(String.class)
                .list());
    List<Group> groups = new ArrayList<>();
    Map<String, List<Paper>> byTopic = new LinkedHashMap<>();
    if (s.topics().isEmpty()) {
      byTopic.put(EVERYTHING, catalog.recent(period.since(), 500));
    } else {
      for (String topic : s.topics()) {
        byTopic.put(topic, matching(topic, period));
      }
    }
    byTopic.forEach(
        (topic, candidates) -> {
          int limit = topic.equals(EVERYTHING) ? ALL_TRENDING : PER_TOPIC;
          List<Paper> chosen = top(candidates, sent, limit, period.since());
          chosen.forEach(p -> sent.add(p.id().toString()));
          if (!chosen.isEmpty()) {
            groups.add(new Group(topic, chosen));
          }
        });
    return groups;
  }

  private List<Paper> matching(String topic, DigestPeriod period) {
    try {
      return search
          .search(new SearchRequest(topic, SearchMode.KEYWORD, null, period.since(), null, 1, 100))
          .hits()
          .stream()
          .map(h -> h.paper())
          .toList();
    } catch (InvalidQuery e) {
      return List.of();
    }
  }

  private List<Paper> top(
      List<Paper> candidates, Set<String> sent, int limit, java.time.LocalDate since) {
    List<Paper> fresh = candidates.stream().filter(p -> !sent.contains(p.id().toString())).toList();
    Map<PaperId, Long> upvotes = catalog.upvotes(fresh.stream().map(Paper::id).toList());
    Map<String, Signals.Counts> readers =
        signals.counts(fresh.stream().map(p -> p.id().toString()).toList(), since);
    Instant now = clock.instant();
    return fresh.stream()
        .sorted(
            Comparator.comparingDouble(
                    (Paper p) -> {
                      Signals.Counts c = readers.getOrDefault(p.id().toString(), NONE);
                      return -TrendingScore.of(
                          c.votes(), upvotes.getOrDefault(p.id(), 0L), c.views(), seen(p), now);
                    })
                .thenComparing(p -> p.id().toString()))
        .limit(limit)
        .toList();
  }

  private static Instant seen(Paper p) {
    return p.published() != null
        ? p.published().atStartOfDay().toInstant(ZoneOffset.UTC)
        : p.firstSeen();
  }
}
