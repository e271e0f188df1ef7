package dev.paperboy.foryou;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.search.SimilarityFloors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each reader's "For you": new papers ranked by the model learned from what they saved, voted for,
 * imported and dismissed, each with its reason (the nearest of their positives), and never the same
 * paper on two days. A day's recommendations are stable: papers recommended today (on the tab, by
 * the API or in today's digest) come back, in their order, on every look that day (less those the
 * reader has since saved or dismissed), and more are added only to fill the size asked for; a paper
 * recommended on an earlier day is never recommended again, there or in a digest.
 */
@Service
public class ForYou {

  public static final int MAX_DAYS = 30;
  public static final int MAX_SIZE = 100;

  /** Candidates looked at past the excluded ones, at most, for the papers related to the reader. */
  static final int LOOKED_AT = 200;

  /** The newest papers a day's recommendations are chosen among, at most. */
  static final int MAX_CANDIDATES = 20_000;

  /** Why a paper is recommended: the reader's positive nearest to it, and how it got in. */
  public record Because(String id, String title, How how) {
    /** "because you saved", to be followed by the title. */
    public String phrase() {
      return "because " + how.phrase();
    }
  }

  /** One recommended paper, its score under the reader's model, and its reason. */
  public record Recommendation(Paper paper, float score, Because because) {}

  private record Pick(String paperId, float score, Because because) {}

  private final ReaderSignals signals;
  private final ReaderModels models;
  private final Recommendations recommendations;
  private final Catalog catalog;
  private final NewPapers newPapers;
  private final Embedder embedder;
  private final JdbcClient jdbc;
  private final Clock clock;

  ForYou(
      ReaderSignals signals,
      ReaderModels models,
      Recommendations recommendations,
      Catalog catalog,
      NewPapers newPapers,
      Embedder embedder,
      JdbcClient jdbc,
      Clock clock) {
    this.signals = signals;
    this.models = models;
    this.recommendations = recommendations;
    this.catalog = catalog;
    this.newPapers = newPapers;
    this.embedder = embedder;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Today's recommendations for the reader among papers published in the last {@code days} days,
   * best first, recorded as recommended; none when the reader has no positive yet.
   */
  public List<Recommendation> today(UUID reader, int days, int size) {
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidQuery("days must be from 1 to " + MAX_DAYS);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidQuery("size must be from 1 to " + MAX_SIZE);
    }
    String model = embedder.signature();
    ReaderState state = signals.of(reader, model);
    Optional<ReaderRanker> ranker = models.current(state, model);
    if (ranker.isEmpty()) {
      return List.of();
    }
    DayPapers day = candidates(days);
    List<Recommendations.Shown> shown =
        recommendations.since(List.of(reader), day.since()).get(reader);
    List<Pick> kept = shownToday(state, shown, size);
    Set<String> excluded = excluded(state.papers(), shown);
    List<Pick> fresh = choose(state, ranker.get(), day, excluded, size - kept.size());
    List<Recommendation> added = recommendations(fresh);
    recommendations.record(Map.of(reader, added));
    // best first, whether shown earlier today or added now (a digest's picks come first only
    // when they score best)
    return Stream.concat(recommendations(kept).stream(), added.stream())
        .sorted(Comparator.comparingDouble((Recommendation r) -> r.score()).reversed())
        .toList();
  }

  /** What was recommended today and is still wanted (not saved or dismissed since), best first. */
  private List<Pick> shownToday(ReaderState state, List<Recommendations.Shown> shown, int size) {
    Instant midnight = midnight();
    Set<String> own = state.papers();
    Map<String, How> how = new HashMap<>();
    state.distinctPositives().forEach(s -> how.put(s.paperId(), s.how()));
    return shown.stream()
        .filter(s -> !s.at().isBefore(midnight) && !own.contains(s.paperId()))
        .limit(size) // Recommendations.since lists them best first
        .map(
            s ->
                new Pick(
                    s.paperId(),
                    s.score(),
                    new Because(
                        s.becauseId(),
                        s.becauseTitle(),
                        how.getOrDefault(s.becauseId(), How.SAVED))))
        .toList();
  }

  /**
   * What picking for one reader of a digest needs, read for a batch of readers at once: their
   * signals, their stored model and what was recommended to them.
   */
  public static final class Prepared {
    private final String model;
    private final ReaderState state;
    private final Optional<ReaderModels.Stored> stored;
    private final List<Recommendations.Shown> shown;

    private Prepared(
        String model,
        ReaderState state,
        Optional<ReaderModels.Stored> stored,
        List<Recommendations.Shown> shown) {
      this.model = model;
      this.state = state;
      this.stored = stored;
      this.shown = shown;
    }
  }

  /**
   * Those of these readers a digest should pick for (For you on, and a positive), each prepared for
   * {@link #pick}: four queries for the whole batch, whatever its size.
   */
  public Map<UUID, Prepared> prepare(Collection<UUID> readers) {
    if (readers.isEmpty()) {
      return Map.of();
    }
    String model = embedder.signature();
    List<UUID> on =
        jdbc.sql("select id from subscriber where id = any(?::text[]::uuid[]) and for_you")
            .param(readers.stream().map(UUID::toString).toArray(String[]::new))
            .query(UUID.class)
            .list();
    List<ReaderState> states =
        signals.of(on, model).values().stream().filter(r -> !r.positives().isEmpty()).toList();
    List<UUID> ranked = states.stream().map(ReaderState::reader).toList();
    Map<UUID, ReaderModels.Stored> stored = models.find(ranked);
    Map<UUID, List<Recommendations.Shown>> shown =
        recommendations.since(ranked, today().minusDays(MAX_DAYS));
    Map<UUID, Prepared> prepared = new HashMap<>();
    for (ReaderState r : states) {
      prepared.put(
          r.reader(),
          new Prepared(
              model, r, Optional.ofNullable(stored.get(r.reader())), shown.get(r.reader())));
    }
    return prepared;
  }

  /**
   * A digest's recommendations for prepared readers, by reader: up to {@code size} of the
   * candidates not recommended to them before today (the tab's list of today, and today's digest,
   * are one day's recommendations). Readers are scored {@link Candidates#BLOCK} at a time, each
   * candidate column read once for the block. A stale stored model is used as it is, and a missing
   * one replaced by the centroid of the positives ({@link ReaderModels#forDigest}). Nothing is
   * recorded: the digest records what it sends ({@link #record}).
   */
  public Map<UUID, List<Recommendation>> pick(List<Prepared> readers, DayPapers day, int size) {
    List<Prepared> ranked = new ArrayList<>();
    List<ReaderRanker> rankers = new ArrayList<>();
    for (Prepared r : readers) {
      models
          .forDigest(r.state, r.model, r.stored)
          .ifPresent(
              ranker -> {
                ranked.add(r);
                rankers.add(ranker);
              });
    }
    Map<UUID, List<Recommendation>> picks = new HashMap<>();
    if (size <= 0 || day.rows() == 0) {
      return picks;
    }
    Instant midnight = midnight();
    for (int from = 0; from < ranked.size(); from += Candidates.BLOCK) {
      int to = Math.min(ranked.size(), from + Candidates.BLOCK);
      float[][] scores = day.scores(rankers.subList(from, to));
      for (int k = from; k < to; k++) {
        Prepared r = ranked.get(k);
        Set<String> excluded =
            excluded(
                r.state.papers(), r.shown.stream().filter(s -> s.at().isBefore(midnight)).toList());
        List<Pick> chosen = choose(r.state, scores[k - from], day, excluded, size);
        picks.put(r.state.reader(), recommendations(chosen, day.papers()));
      }
    }
    return picks;
  }

  /** {@link #pick} for one reader: none when they turned For you off or have no positive. */
  public List<Recommendation> pick(UUID reader, DayPapers day, int size) {
    Prepared prepared = prepare(List.of(reader)).get(reader);
    return prepared == null
        ? List.of()
        : pick(List.of(prepared), day, size).getOrDefault(reader, List.of());
  }

  /** Records what readers were shown, so none of it is recommended to them again. */
  public void record(Map<UUID, List<Recommendation>> shown) {
    recommendations.record(shown);
  }

  /** When today (UTC) began: what was recommended since is today's list. */
  private Instant midnight() {
    return today().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /**
   * The papers published in the last {@code days} days (UTC) that have a vector, newest first, at
   * most {@link #MAX_CANDIDATES}.
   */
  public DayPapers candidates(int days) {
    return newPapers.since(today().minusDays(days), embedder.signature(), MAX_CANDIDATES);
  }

  /** Whether the reader has a positive with a vector, so that For you can rank for them. */
  public boolean hasPositives(UUID reader) {
    return signals.anyPositive(reader, embedder.signature());
  }

  /** The digest's For you section: on unless the reader turned it off. */
  public boolean enabled(UUID reader) {
    return jdbc.sql("select for_you from subscriber where id = ?")
        .param(reader)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public void enable(UUID reader, boolean on) {
    jdbc.sql("update subscriber set for_you = ? where id = ?").params(on, reader).update();
  }

  private static Set<String> excluded(Set<String> own, List<Recommendations.Shown> shown) {
    Set<String> excluded = new HashSet<>(own);
    shown.forEach(s -> excluded.add(s.paperId()));
    return excluded;
  }

  /**
   * The best candidates by the reader's model, past those excluded: one matrix–vector product over
   * the candidates, then {@link #choose(ReaderState, float[], DayPapers, Set, int)}.
   */
  private List<Pick> choose(
      ReaderState state, ReaderRanker ranker, DayPapers day, Set<String> excluded, int size) {
    if (size <= 0 || day.rows() == 0) {
      return List.of();
    }
    return choose(state, day.scores(ranker), day, excluded, size);
  }

  /**
   * The best candidates by their scores, past those excluded and those not related to any of the
   * reader's positives (below the model's {@link SimilarityFloors#related} floor: a reader with
   * nothing new of theirs gets fewer papers, or none, rather than other fields' papers), each with
   * its nearest positive. At most {@link #LOOKED_AT} rows past the excluded are looked at: the
   * model ranked them, and what it ranks lower is not nearer the reader.
   */
  private List<Pick> choose(
      ReaderState state, float[] scores, DayPapers day, Set<String> excluded, int size) {
    double floor = embedder.model().floors().related();
    List<ReaderState.Signal> positives = state.distinctPositives();
    List<float[]> vectors = positives.stream().map(ReaderState.Signal::vector).toList();
    List<Pick> picks = new ArrayList<>();
    // most readers' best few are related: a second, deeper look only for those whose are not
    int looked = 0;
    for (int depth : new int[] {size, Math.max(size, LOOKED_AT)}) {
      int[] rows = best(scores, depth + excluded.size());
      for (int i = looked; i < rows.length && picks.size() < size; i++) {
        String id = day.ids().get(rows[i]);
        if (excluded.contains(id)) {
          continue;
        }
        float[] candidate = day.row(rows[i]);
        int nearest = Learner.nearest(vectors, candidate);
        if (Learner.cosine(vectors.get(nearest), candidate) >= floor) {
          ReaderState.Signal near = positives.get(nearest);
          picks.add(
              new Pick(id, scores[rows[i]], new Because(near.paperId(), near.title(), near.how())));
        }
      }
      if (picks.size() == size || rows.length == scores.length) {
        break;
      }
      looked = rows.length;
    }
    return picks;
  }

  /** The rows of the {@code k} highest scores, highest first (ties: the newer row). */
  static int[] best(float[] scores, int k) {
    Comparator<Integer> worseFirst =
        (a, b) -> scores[a] != scores[b] ? Float.compare(scores[a], scores[b]) : b - a;
    PriorityQueue<Integer> kept = new PriorityQueue<>(worseFirst);
    for (int row = 0; row < scores.length; row++) {
      if (kept.size() == k && k > 0 && worseFirst.compare(row, kept.peek()) <= 0) {
        continue; // no better than the worst kept: most rows stop here
      }
      kept.add(row);
      if (kept.size() > k) {
        kept.poll();
      }
    }
    int[] rows = new int[kept.size()];
    for (int i = rows.length - 1; i >= 0; i--) {
      rows[i] = kept.poll();
    }
    return rows;
  }

  private List<Recommendation> recommendations(List<Pick> picks) {
    return recommendations(picks, new HashMap<>());
  }

  /**
   * The picks with their papers; {@code known} holds papers already read (a digest run's picks
   * repeat across readers), and gains those read now.
   */
  private List<Recommendation> recommendations(List<Pick> picks, Map<String, Paper> known) {
    List<PaperId> missing =
        picks.stream()
            .map(Pick::paperId)
            .filter(id -> !known.containsKey(id))
            .map(id -> PaperId.parse(id).orElseThrow())
            .toList();
    catalog.findAll(missing).forEach(p -> known.put(p.id().toString(), p));
    List<Recommendation> found = new ArrayList<>();
    for (Pick p : picks) {
      Paper paper = known.get(p.paperId());
      if (paper != null) {
        found.add(new Recommendation(paper, p.score(), p.because()));
      }
    }
    return found;
  }
}
