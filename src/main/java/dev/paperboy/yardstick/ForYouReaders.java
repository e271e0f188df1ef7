package dev.paperboy.yardstick;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic readers for the For you evaluation, made from the yardstick's topics. Each reader
 * follows 1–3 topics, drawn Zipf-wise (a few popular topics are followed by many), and dislikes
 * some near neighbours of them (topics of the same arXiv category, else the same archive). Before
 * {@link #CUTOFF} (the yardstick's own dates give every topic 3–4 older and 2–3 newer papers) they
 * saved some papers of their topics and voted down some of the disliked ones; from it on, the new
 * papers of their topics are what a good ranking finds (graded by rank in topic, as a topic query
 * is) and those of the disliked topics are the papers they would vote down. Dev readers follow
 * odd-numbered topics, test readers even-numbered ones, so tuning on dev never sees a test reader's
 * topic from the inside.
 */
public record ForYouReaders(
    List<Reader> readers, List<Yardstick.Paper> older, List<Yardstick.Paper> newer) {

  /** Papers before this day are the past that feedback comes from; from it on, the new papers. */
  public static final LocalDate CUTOFF = LocalDate.of(2023, 1, 1);

  /**
   * One synthetic reader.
   *
   * @param saves older papers saved: the positives
   * @param dismissed older papers voted down: the explicit negatives
   * @param grades new papers of the followed topics, paper id → grade (3 core, 2 close, 1 broad)
   * @param unwanted new papers of the disliked topics
   * @param laterSaves the new papers this reader saves once they appear: what trending counts
   */
  public record Reader(
      int id,
      Yardstick.Split split,
      List<Integer> follows,
      List<Integer> dislikes,
      List<String> saves,
      List<String> dismissed,
      Map<String, Integer> grades,
      List<String> unwanted,
      Set<String> laterSaves) {}

  private static final double SAVE = 0.6;
  private static final double DISLIKE_A_NEIGHBOUR = 0.7;
  private static final double VOTE_DOWN = 0.5;
  private static final double SAVE_LATER = 0.5;

  /** {@code perSplit} dev readers and as many test readers, the same for the same seed. */
  public static ForYouReaders of(Yardstick yardstick, int perSplit, long seed) {
    Topics topics = new Topics(yardstick.papers());
    List<Reader> readers = new ArrayList<>();
    for (Yardstick.Split split : Yardstick.Split.values()) {
      List<Integer> pool =
          new ArrayList<>(
              topics.numbers().stream()
                  .filter(t -> (t % 2 == 1) == (split == Yardstick.Split.DEV))
                  .toList());
      shuffle(pool, new SplittableRandom(seed));
      for (int i = 0; i < perSplit; i++) {
        int id = readers.size();
        readers.add(reader(id, split, pool, topics, new SplittableRandom(seed * 1_000_003 + id)));
      }
    }
    List<Yardstick.Paper> older =
        yardstick.papers().stream().filter(p -> p.published().isBefore(CUTOFF)).toList();
    List<Yardstick.Paper> newer =
        yardstick.papers().stream().filter(p -> !p.published().isBefore(CUTOFF)).toList();
    return new ForYouReaders(readers, older, newer);
  }

  public List<Reader> readers(Yardstick.Split split) {
    return readers.stream().filter(r -> r.split() == split).toList();
  }

  /** How many readers saved each new paper: the crowd's votes a trending order is made of. */
  public Map<String, Integer> popularity() {
    Map<String, Integer> counts = new HashMap<>();
    readers.forEach(r -> r.laterSaves().forEach(id -> counts.merge(id, 1, Integer::sum)));
    return counts;
  }

  private static Reader reader(
      int id, Yardstick.Split split, List<Integer> pool, Topics topics, SplittableRandom random) {
    Set<Integer> follows = new LinkedHashSet<>();
    int count = 1 + random.nextInt(3);
    while (follows.size() < count) {
      follows.add(pool.get(zipf(pool.size(), random)));
    }
    Set<Integer> dislikes = new LinkedHashSet<>();
    for (int t : follows) {
      List<Integer> near =
          topics.neighbours(t).stream()
              .filter(n -> !follows.contains(n) && !dislikes.contains(n))
              .toList();
      if (!near.isEmpty() && random.nextDouble() < DISLIKE_A_NEIGHBOUR) {
        dislikes.add(near.get(random.nextInt(near.size())));
      }
    }
    List<String> saves = new ArrayList<>();
    Map<String, Integer> grades = new LinkedHashMap<>();
    Set<String> laterSaves = new LinkedHashSet<>();
    for (int t : follows) {
      saves.addAll(someOf(topics.older(t), SAVE, 2, random));
      for (Yardstick.Paper p : topics.newer(t)) {
        grades.put(p.id(), p.rank() <= 3 ? 3 : p.rank() <= 5 ? 2 : 1);
        if (random.nextDouble() < SAVE_LATER) {
          laterSaves.add(p.id());
        }
      }
    }
    List<String> dismissed = new ArrayList<>();
    List<String> unwanted = new ArrayList<>();
    for (int t : dislikes) {
      dismissed.addAll(someOf(topics.older(t), VOTE_DOWN, 0, random));
      topics.newer(t).forEach(p -> unwanted.add(p.id()));
    }
    return new Reader(
        id,
        split,
        List.copyOf(follows),
        List.copyOf(dislikes),
        saves,
        dismissed,
        grades,
        unwanted,
        laterSaves);
  }

  /**
   * A place in the popularity order, the i-th (from 0) with weight 1/(i + 1): a few topics are
   * followed by many readers, as on any real site, so that what many save is a fair baseline.
   */
  private static int zipf(int n, SplittableRandom random) {
    double total = 0;
    for (int i = 1; i <= n; i++) {
      total += 1.0 / i;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < n; i++) {
      x -= 1.0 / (i + 1);
      if (x < 0) {
        return i;
      }
    }
    return n - 1;
  }

  private static void shuffle(List<Integer> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      list.set(i, list.set(j, list.get(i)));
    }
  }

  /** Each paper with probability {@code p}, topped up at random to at least {@code least}. */
  private static List<String> someOf(
      List<Yardstick.Paper> papers, double p, int least, SplittableRandom random) {
    List<String> chosen = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Yardstick.Paper paper : papers) {
      (random.nextDouble() < p ? chosen : left).add(paper.id());
    }
    while (chosen.size() < Math.min(least, papers.size())) {
      chosen.add(left.remove(random.nextInt(left.size())));
    }
    return chosen;
  }

  /** The yardstick's topics: their papers before and after the cutoff, and their neighbours. */
  private record Topics(Map<Integer, List<Yardstick.Paper>> papers) {

    Topics(List<Yardstick.Paper> all) {
      this(group(all));
    }

    private static Map<Integer, List<Yardstick.Paper>> group(List<Yardstick.Paper> all) {
      Map<Integer, List<Yardstick.Paper>> byTopic = new LinkedHashMap<>();
      all.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p));
      return byTopic;
    }

    List<Integer> numbers() {
      return List.copyOf(papers.keySet());
    }

    List<Yardstick.Paper> older(int t) {
      return papers.get(t).stream().filter(p -> p.published().isBefore(CUTOFF)).toList();
    }

    List<Yardstick.Paper> newer(int t) {
      return papers.get(t).stream().filter(p -> !p.published().isBefore(CUTOFF)).toList();
    }

    /** Other topics of the same category, else of the same archive ({@code cs}, {@code q-bio}). */
    List<Integer> neighbours(int t) {
      String category = category(t);
      List<Integer> same = others(t, o -> category(o).equals(category));
      String archive = category.split("\\.")[0];
      return same.isEmpty() ? others(t, o -> category(o).split("\\.")[0].equals(archive)) : same;
    }

    private List<Integer> others(int t, java.util.function.IntPredicate keep) {
      return papers.keySet().stream().filter(o -> o != t && keep.test(o)).toList();
    }

    private String category(int t) {
      return papers.get(t).get(0).category();
    }
  }
}
