package dev.paperboy.digest;

import dev.paperboy.catalog.Paper;
import dev.paperboy.foryou.Candidates;
import dev.paperboy.foryou.DayPapers;
import dev.paperboy.foryou.ForYou;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.trending.Trending;
import dev.paperboy.trending.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses a subscriber's papers for a period: for each topic (a saved search; none means all
 * trending), the papers {@link Trending} ranks highest in the period's window for that topic, never
 * one already sent to this subscriber, each paper once, grouped by the topic that found it. It has
 * no ranking of its own. Before the topics, a reader with positives gets a few new papers {@link
 * ForYou} picks for them, unless they turned that off.
 */
@Component
class DigestComposer {

  static final int PER_TOPIC = 5;
  static final int ALL_TRENDING = 10;
  static final String EVERYTHING = "All trending papers";
  static final String FOR_YOU = "For you";

  /** Papers in the For you section. */
  static final int FOR_YOU_PAPERS = 5;

  /**
   * How many of a topic's ranked papers a run keeps: enough for subscribers who already had the
   * first ones, and a bounded memory however many topics there are.
   */
  static final int KEPT = 50;

  /** Papers of one topic; or the reader's own picks, each with its reason ({@link #FOR_YOU}). */
  record Group(String topic, List<Paper> papers, List<ForYou.Recommendation> picks) {
    Group(String topic, List<Paper> papers) {
      this(topic, papers, List.of());
    }

    static Group forYou(List<ForYou.Recommendation> picks) {
      return new Group(FOR_YOU, picks.stream().map(ForYou.Recommendation::paper).toList(), picks);
    }
  }

  private final Trending trending;
  private final JdbcClient jdbc;
  private final PaperIndex index;
  private final ForYou forYou;

  DigestComposer(Trending trending, JdbcClient jdbc, PaperIndex index, ForYou forYou) {
    this.trending = trending;
    this.jdbc = jdbc;
    this.index = index;
    this.forYou = forYou;
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

    /** The papers For you chooses from, per window: read once per run, by its first reader. */
    private final Map<Window, DayPapers> candidates = new ConcurrentHashMap<>();

    /**
     * For you's readers of the batch being composed, in blocks of {@link Candidates#BLOCK} of one
     * window, each taken out as its reader's letter is composed.
     */
    private final Map<UUID, Block> blocks = new ConcurrentHashMap<>();

    /**
     * Reads what For you needs for these subscribers' letters, for the whole batch at once, and
     * groups its readers into blocks that are scored together when the first letter of the block
     * needs its picks (the letters of a batch are composed on several threads, a block on one).
     */
    void prepare(List<Subscriber> batch, Function<Subscriber, DigestPeriod> periods) {
      Map<UUID, ForYou.Prepared> ready =
          forYou.prepare(batch.stream().map(Subscriber::id).toList());
      Map<Window, Block> open = new EnumMap<>(Window.class);
      for (Subscriber s : batch) {
        ForYou.Prepared reader = ready.get(s.id());
        if (reader == null) {
          continue;
        }
        Block block = open.computeIfAbsent(periods.apply(s).window(), Block::new);
        block.readers.add(reader);
        blocks.put(s.id(), block);
        if (block.readers.size() == Candidates.BLOCK) {
          open.remove(block.window);
        }
      }
    }

    /** Readers of one window whose picks are scored at once, the first time one is asked for. */
    private final class Block {
      private final Window window;

      /** Filled by {@link #prepare} before any letter of the batch is composed. */
      private final List<ForYou.Prepared> readers = new ArrayList<>();

      private Map<UUID, List<ForYou.Recommendation>> picks;

      Block(Window window) {
        this.window = window;
      }

      synchronized List<ForYou.Recommendation> picks(UUID reader) {
        if (picks == null) {
          picks = forYou.pick(readers, day(window), FOR_YOU_PAPERS);
        }
        return picks.getOrDefault(reader, List.of());
      }
    }

    /** Every paper this subscriber's letter could carry, before what they already had. */
    Set<String> candidates(Subscriber s, DigestPeriod period) {
      Set<String> ids = new HashSet<>();
      topics(s).forEach(t -> ranked(t, period.window()).forEach(p -> ids.add(p.id().toString())));
      return ids;
    }

    List<Group> compose(Subscriber s, DigestPeriod period, Set<String> sent) {
      Set<String> seen = new HashSet<>(sent);
      List<Group> groups = new ArrayList<>();
      List<ForYou.Recommendation> picks = forYou(s);
      if (!picks.isEmpty()) {
        groups.add(Group.forYou(picks));
        picks.forEach(p -> seen.add(p.paper().id().toString()));
      }
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

    /**
     * The subscriber's For you papers: daily, among those published in the last two days (the day's
     * new papers, and those whose date lags their announcement by a day or two), weekly, in the
     * last week; none unless {@link #prepare} found For you on and a positive.
     */
    private List<ForYou.Recommendation> forYou(Subscriber s) {
      Block block = blocks.remove(s.id());
      return block == null ? List.of() : block.picks(s.id());
    }

    private DayPapers day(Window window) {
      return candidates.computeIfAbsent(window, w -> forYou.candidates(w == Window.WEEK ? 7 : 2));
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

  /**
   * Which of these papers each subscriber has already been sent, turned away (👎 or "not
   * interested") or has in their library: no letter carries them (again).
   */
  Map<UUID, Set<String>> sent(Collection<UUID> subscribers, Collection<String> papers) {
    Map<UUID, Set<String>> sent = new HashMap<>();
    if (subscribers.isEmpty() || papers.isEmpty()) {
      return sent;
    }
    jdbc.sql(
            "select subscriber_id, paper_id from digest_paper"
                + " where subscriber_id = any(?::text[]::uuid[]) and paper_id = any(?)"
                + " union select subscriber_id, paper_id from feedback"
                + " where signal in ('down', 'not-interested')"
                + " and subscriber_id = any(?::text[]::uuid[]) and paper_id = any(?)"
                + " union select subscriber_id, paper_id from saved_paper"
                + " where subscriber_id = any(?::text[]::uuid[]) and paper_id = any(?)")
        .params(
            subscribers.stream().map(UUID::toString).toArray(String[]::new),
            papers.toArray(String[]::new),
            subscribers.stream().map(UUID::toString).toArray(String[]::new),
            papers.toArray(String[]::new),
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
