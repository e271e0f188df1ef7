package dev.paperboy.digest;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.trending.Signals;
import dev.paperboy.trending.TrendingScore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** One subscriber's digest, never repeating a paper already sent to them. */
  List<Group> compose(Subscriber s, DigestPeriod period) {
    Set<String> sent =
        new HashSet<>(
            jdbc.sql("select paper_id from digest_paper where subscriber_id = ?")
                .param(s.id())
                .query(String.class)
                .list());
    return new Run().compose(s, period, sent);
  }

  /**
   * A run over many subscribers: each topic is searched and ranked once per period start, however
   * many subscribers follow it; each subscriber then only skips what they already had.
   */
  final class Run {

    private final Instant now = clock.instant();
    private final Map<List<Object>, List<Paper>> ranked = new ConcurrentHashMap<>();

    List<Group> compose(Subscriber s, DigestPeriod period, Set<String> sent) {
      Set<String> seen = new HashSet<>(sent);
      List<String> topics = s.topics().isEmpty() ? List.of(EVERYTHING) : s.topics();
      List<Group> groups = new ArrayList<>();
      for (String topic : topics) {
        int limit = topic.equals(EVERYTHING) ? ALL_TRENDING : PER_TOPIC;
        List<Paper> chosen = new ArrayList<>(limit);
        for (Paper p : ranked(topic, period.since())) {
          if (chosen.size() == limit) {
            break;
          }
          if (seen.add(p.id().toString())) {
            chosen.add(p);
          }
        }
        if (!chosen.isEmpty()) {
          groups.add(new Group(topic, chosen));
        }
      }
      return groups;
    }

    private List<Paper> ranked(String topic, LocalDate since) {
      return ranked.computeIfAbsent(
          List.of(topic, since),
          key ->
              rank(
                  topic.equals(EVERYTHING) ? catalog.recent(since, 500) : matching(topic, since),
                  since,
                  now));
    }
  }

  private List<Paper> matching(String topic, LocalDate since) {
    try {
      return search.keywordMatches(topic, since, CANDIDATES);
    } catch (InvalidQuery e) {
      return List.of();
    }
  }

  /** How many of a topic's newest matches compete on trending score. */
  static final int CANDIDATES = 100;

  /**
   * How many of a topic's ranked candidates a run keeps: enough for subscribers who already had the
   * first ones, and a bounded memory however many topics there are.
   */
  static final int KEPT = 50;

  /** Candidates in trending order, best first, the first {@link #KEPT}. */
  private List<Paper> rank(List<Paper> candidates, LocalDate since, Instant now) {
    Map<PaperId, Long> upvotes = catalog.upvotes(candidates.stream().map(Paper::id).toList());
    Map<String, Signals.Counts> readers =
        signals.counts(candidates.stream().map(p -> p.id().toString()).toList(), since);
    Map<PaperId, Double> score = new HashMap<>();
    for (Paper p : candidates) {
      Signals.Counts c = readers.getOrDefault(p.id().toString(), NONE);
      score.put(
          p.id(),
          TrendingScore.of(c.votes(), upvotes.getOrDefault(p.id(), 0L), c.views(), seen(p), now));
    }
    return candidates.stream()
        .sorted(
            Comparator.comparingDouble((Paper p) -> -score.get(p.id()))
                .thenComparing(p -> p.id().toString()))
        .limit(KEPT)
        .toList();
  }

  private static Instant seen(Paper p) {
    return p.published() != null
        ? p.published().atStartOfDay().toInstant(ZoneOffset.UTC)
        : p.firstSeen();
  }
}
