package dev.paperboy.trending;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.PaperSearch;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What is trending in a period, the one definition that the trending pages, {@code /api/trending},
 * the feeds and the digest all ask: papers published in the period or with a signal in it, scored
 * by {@link TrendingScore} as of the period's end on the signals inside it only, optionally
 * narrowed to a topic. A rolling window is the period that ends now.
 */
@Service
public class Trending {

  /** A trending paper with the signals that put it there. */
  public record Trend(Paper paper, double score, double votes, long upvotes, long views) {}

  private record Row(
      String id, LocalDate published, Instant firstSeen, double votes, long upvotes, long views) {}

  // A signal counts in a period when it was given inside it: a vote when cast, an imported upvote
  // when the source says it was given (a Hugging Face daily paper's day), a view on its day.
  // Days are whole UTC days from the start's day up to the first day starting at or after the end.
  private static final String CANDIDATES =
      "with v as (select paper_id, sum(weight) n from vote where created_at >= :start"
          + " and created_at < :end group by paper_id),"
          + " u as (select paper_id, sum(value) n from paper_signal where kind = 'upvotes'"
          + " and observed_at >= :start and observed_at < :end group by paper_id),"
          + " w as (select paper_id, sum(views) n from paper_view where day >= :startDay"
          + " and day < :endDay group by paper_id),"
          + " c as (select id from paper where (published >= :startDay and published < :endDay)"
          + " or (published is null and first_seen >= :start and first_seen < :end)"
          + " union select paper_id from v"
          + " union select paper_id from u union select paper_id from w)"
          + " select p.id, p.published, p.first_seen, coalesce(v.n, 0) votes,"
          + " coalesce(u.n, 0) upvotes, coalesce(w.n, 0) views from c join paper p on"
          + " p.id = c.id left join v on v.paper_id = c.id left join u on u.paper_id = c.id"
          + " left join w on w.paper_id = c.id";

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final PaperSearch search;
  private final Clock clock;

  Trending(JdbcClient jdbc, Catalog catalog, PaperSearch search, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.search = search;
    this.clock = clock;
  }

  /** The {@code limit} best papers of the window ending now, best first. */
  public List<Trend> top(Window window, int limit) {
    return ranking(window).top(null, limit);
  }

  /** The {@code limit} best papers of the period, narrowed to a topic unless it is blank. */
  public List<Trend> top(TrendingPeriod period, String topic, int limit) {
    return ranking(period).top(topic, limit);
  }

  /**
   * The {@code limit} best papers of the window that match {@code topic} (a search in the search
   * box's syntax, every word required; null or blank for all papers), best first. A topic with
   * nothing searchable in it is an {@link dev.paperboy.search.InvalidQuery}.
   */
  public List<Trend> top(Window window, String topic, int limit) {
    return ranking(window).top(topic, limit);
  }

  /**
   * The window's candidates scored now, to be asked for several topics: a digest run ranks once and
   * narrows per topic, instead of reading every signal again for each one.
   */
  public Ranking ranking(Window window) {
    return ranking(TrendingPeriod.rolling(window, clock.instant()));
  }

  /**
   * The period's candidates scored as of its end, as the list would have stood then: only signals
   * given inside the period count, and only papers that had appeared by its end take part.
   */
  public Ranking ranking(TrendingPeriod period) {
    Instant end = period.end();
    List<Row> rows = candidates(period).stream().filter(r -> belongs(r, period)).toList();
    Map<String, Double> scores =
        rows.stream()
            .collect(
                Collectors.toMap(
                    Row::id,
                    r -> TrendingScore.of(r.votes(), r.upvotes(), r.views(), seen(r), end)));
    List<Row> ordered =
        rows.stream()
            .sorted(
                Comparator.comparingDouble((Row r) -> -scores.get(r.id())).thenComparing(Row::id))
            .toList();
    return new Ranking(ordered, scores);
  }

  /** A window's candidates in trending order, best first, with their scores. */
  public final class Ranking {
    private final List<Row> ordered;
    private final Map<String, Double> scores;

    private Ranking(List<Row> ordered, Map<String, Double> scores) {
      this.ordered = ordered;
      this.scores = scores;
    }

    /** The best {@code limit}, narrowed to a topic unless it is null or blank. */
    public List<Trend> top(String topic, int limit) {
      List<Row> rows = ordered;
      if (topic != null && !topic.isBlank()) {
        Set<String> matching = search.matchingAmong(topic, rows.stream().map(Row::id).toList());
        rows = rows.stream().filter(r -> matching.contains(r.id())).toList();
      }
      List<Row> best = rows.stream().limit(limit).toList();
      Map<String, Paper> papers =
          catalog
              .findAll(best.stream().map(r -> PaperId.parse(r.id()).orElseThrow()).toList())
              .stream()
              .collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
      return best.stream()
          .filter(r -> papers.containsKey(r.id()))
          .map(
              r ->
                  new Trend(
                      papers.get(r.id()), scores.get(r.id()), r.votes(), r.upvotes(), r.views()))
          .toList();
    }
  }

  /** The instant the period is asked for now: when the list is ranked. */
  public Instant now() {
    return clock.instant();
  }

  private List<Row> candidates(TrendingPeriod period) {
    return jdbc.sql(CANDIDATES)
        .param("start", Timestamp.from(period.start()))
        .param("end", Timestamp.from(period.end()))
        .param("startDay", day(period.start()))
        .param("endDay", dayAfter(period.end()))
        .query(
            (rs, i) ->
                new Row(
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getTimestamp(3).toInstant(),
                    rs.getDouble(4),
                    rs.getLong(5),
                    rs.getLong(6)))
        .list();
  }

  /**
   * When a paper appeared: its publication day, or for a record without one the day we first saw
   * it, but no later than the end of the month its arXiv id names, so an old paper first met in
   * today's feed of replaced versions is not taken for a new one.
   */
  private static Instant seen(Row r) {
    if (r.published() != null) {
      return r.published().atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return PaperId.parse(r.id())
        .flatMap(PaperId::arxivMonth)
        .map(m -> m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
        .filter(endOfMonth -> endOfMonth.isBefore(r.firstSeen()))
        .orElse(r.firstSeen());
  }

  /**
   * A paper with no signal in the period is a candidate only if it appeared in it: a past list
   * holds no paper that appeared after its end, unless readers gave it a signal in the period.
   */
  private static boolean belongs(Row r, TrendingPeriod period) {
    boolean signalled = r.votes() > 0 || r.upvotes() > 0 || r.views() > 0;
    if (signalled || r.published() != null) {
      // A dated paper was chosen by its day in the query (so at 00:03 the rolling day still holds
      // yesterday's papers); only an undated one is placed here, by when it appeared.
      return true;
    }
    Instant seen = seen(r);
    return !seen.isBefore(period.start()) && seen.isBefore(period.end());
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The first UTC day that starts at or after {@code end}: the days before it are in the period.
   */
  private static LocalDate dayAfter(Instant end) {
    LocalDate day = day(end);
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(end) ? day.plusDays(1) : day;
  }
}
