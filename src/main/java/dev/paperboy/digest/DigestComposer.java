package dev.paperboy.digest;

import dev.paperboy.catalog.Paper;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses a subscriber's papers for a period: for each topic (a saved search; none means all
 * trending), the papers {@link Trending} ranks highest in the period's window for that topic, never
 * one already sent to this subscriber, each paper once, grouped by the topic that found it. It has
 * no ranking of its own.
 */
@Component
class DigestComposer {

  static final int PER_TOPIC = 5;
  static final int ALL_TRENDING = 10;
  static final String EVERYTHING = "All trending papers";

  /**
   * How many of a topic's ranked papers a run keeps: enough for subscribers who already had the
   * first ones, and a bounded memory however many topics there are.
   */
  static final int KEPT = 50;

  /** Papers of one topic. */
  record Group(String topic, List<Paper> papers) {}

  private final Trending trending;
  private final JdbcClient jdbc;
  private final PaperIndex index;

  DigestComposer(Trending trending, JdbcClient jdbc, PaperIndex index) {
    this.trending = trending;
    this.jdbc = jdbc;
    this.index = index;
  }

  /**
   * One composition, for one subscriber (a preview) or many (a run): each window is ranked once and
   * each topic narrowed once, however many subscribers follow it. Topics are matched by this
   * instance's index, so it first applies every catalog change committed before the composition
   * began: a paper imported through another instance a moment ago is not left out.
   */
  final class Run {

    Run() {
      index.catchUp();
    }

    private final Map<Window, Trending.Ranking> rankings = new ConcurrentHashMap<>();
    private final Map<List<Object>, List<Paper>> ranked = new ConcurrentHashMap<>();

    /** Every paper this subscriber's letter could carry, before what they already had. */
    Set<String> candidates(Subscriber s, DigestPeriod period) {
      Set<String> ids = new HashSet<>();
      topics(s).forEach(t -> ranked(t, period.window()).forEach(p -> ids.add(p.id().toString())));
      return ids;
    }

    List<Group> compose(Subscriber s, DigestPeriod period, Set<String> sent) {
      Set<String> seen = new HashSet<>(sent);
      List<Group> groups = new ArrayList<>();
      for (String topic : topics(s)) {
        int limit = topic.equals(EVERYTHING) ? ALL_TRENDING : PER_TOPIC;
        List<Paper> chosen = new ArrayList<>(limit);
        for (Paper p : ranked(topic, period.window())) {
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

    private List<Paper> ranked(String topic, Window window) {
      return ranked.computeIfAbsent(
          List.of(topic, window),
          key -> {
            Trending.Ranking ranking = rankings.computeIfAbsent(window, trending::ranking);
            try {
              return ranking.top(topic.equals(EVERYTHING) ? null : topic, KEPT).stream()
                  .map(Trending.Trend::paper)
                  .toList();
            } catch (InvalidQuery e) {
              return List.of();
            }
          });
    }
  }

  private static List<String> topics(Subscriber s) {
    return s.topics().isEmpty() ? List.of(EVERYTHING) : s.topics();
  }

  /** Which of these papers each subscriber has already been sent. */
  Map<UUID, Set<String>> sent(Collection<UUID> subscribers, Collection<String> papers) {
    Map<UUID, Set<String>> sent = new HashMap<>();
    if (subscribers.isEmpty() || papers.isEmpty()) {
      return sent;
    }
    jdbc.sql(
            "select subscriber_id, paper_id from digest_paper"
                + " where subscriber_id = any(?::text[]::uuid[]) and paper_id = any(?)")
        .params(
            subscribers.stream().map(UUID::toString).toArray(String[]::new),
            papers.toArray(String[]::new))
        .query(
            rs -> {
              sent.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(rs.getString(2));
            });
    return sent;
  }
}
