package dev.paperboy.bench;

import dev.paperboy.foryou.Candidates;
import dev.paperboy.foryou.Examples;
import dev.paperboy.foryou.Learner;
import dev.paperboy.foryou.ReaderRanker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;

/**
 * For you at scale: every reader's ranking scored against a day's new papers (each reader's top 10
 * kept, as the digest's section needs), and readers' models refreshed on bounded samples. All
 * vectors are synthetic clustered unit vectors ({@link SyntheticVectors}); each reader's ranking is
 * a linear function over them, as the learner makes. Scoring is timed three ways (a dot product per
 * candidate row; scaled columns added up; the same for a block of readers per pass), next to
 * baselines in the same run: paper by paper through {@code score}, the bare reading of the
 * candidate vectors once per reader, and, for refreshing, a centroid instead of a trained model.
 */
final class RecommendBench {

  static final MarkedSection SECTION =
      new MarkedSection(
          "<!-- bin/bench --recommend: begin -->", "<!-- bin/bench --recommend: end -->");
  static final int TOP = 10;

  /** Readers run once before timing, so the JIT has compiled the work. */
  private static final int WARM_UP = 200;

  private static final long SEED = 16;

  /**
   * @param sampled readers timed for the one-thread and baseline rows (then scaled to all)
   * @param trained readers whose models are refreshed and timed
   * @param changedShare the share of readers whose feedback changes in a day
   */
  record Options(
      int readers, int candidates, int runs, int sampled, int trained, double changedShare) {

    static Options full() {
      return new Options(100_000, 2_000, 3, 10_000, 1_000, 0.1);
    }

    static Options smoke() {
      return new Options(2_000, 500, 1, 500, 100, 0.1);
    }
  }

  /** One timed row: wall seconds of the runs, for {@code readers} readers on {@code threads}. */
  record Row(String work, int readers, int threads, Stats.Spread seconds, int of) {

    double microsPerReader() {
      return seconds.median() * 1e6 / readers;
    }

    /** Scaled from the readers timed to {@code of} readers. */
    double secondsForAll() {
      return seconds.median() * of / readers;
    }
  }

  private final Options options;
  private final SyntheticVectors vectors = new SyntheticVectors(SEED);
  private final int threads = Runtime.getRuntime().availableProcessors();

  RecommendBench(Options options) {
    this.options = options;
  }

  String run(String command) throws Exception {
    int dims = SyntheticVectors.DIMENSIONS;
    float[][] papers = new float[options.candidates()][];
    for (int i = 0; i < papers.length; i++) {
      papers[i] = vectors.of(50_000_000 + i);
    }
    float[] rows = rowMajor(papers, dims);
    ReaderRanker[] rankers = rankers();
    ScaleBench.log("for you: %d readers × %d papers", rankers.length, papers.length);
    Candidates byColumn = Candidates.of(rows, papers.length);
    List<ReaderRanker> all = List.of(rankers);
    int n = rankers.length;
    int sample = Math.min(options.sampled(), n);
    int block = Candidates.BLOCK;
    List<Row> scoring =
        List.of(
            time(
                "rows: one dot product per paper (`ReaderRanker.scoreAll`)",
                n,
                threads,
                n,
                r -> byRows(rankers[r], rows)),
            time(
                "columns: scaled columns added up (`Candidates.scores`)",
                n,
                threads,
                n,
                r -> topSum(byColumn.scores(rankers[r]))),
            perReader(
                time(
                    "columns, " + block + " readers per pass (`Candidates.scores(List)`)",
                    n / block,
                    threads,
                    n / block,
                    b -> blocked(byColumn, all.subList(b * block, b * block + block))),
                block),
            time("rows, one thread", sample, 1, n, r -> byRows(rankers[r], rows)),
            time("columns, one thread", sample, 1, n, r -> topSum(byColumn.scores(rankers[r]))),
            time(
                "baseline: paper by paper (`score` of each vector)",
                sample,
                1,
                n,
                r -> byPaper(rankers[r], papers)),
            time(
                "baseline: reading the candidate vectors once per reader",
                sample,
                1,
                n,
                r -> reading(rows)));
    List<Row> refresh = refresh();
    return report(command, scoring, refresh);
  }

  /** The readers' rankings: unit vectors of their fields with a small bias, as a centroid is. */
  private ReaderRanker[] rankers() {
    ReaderRanker[] rankers = new ReaderRanker[options.readers()];
    for (int r = 0; r < rankers.length; r++) {
      rankers[r] =
          new ReaderRanker(ReaderRanker.LOGISTIC, vectors.inCluster(r, -1), -0.1f, 20, 500);
    }
    return rankers;
  }

  private List<Row> refresh() throws Exception {
    List<float[]> pool = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      pool.add(vectors.of(60_000_000 + i));
    }
    int n = Math.min(options.trained(), options.readers());
    Examples[] today = new Examples[n];
    ReaderRanker[] yesterday = new ReaderRanker[n];
    for (int r = 0; r < n; r++) {
      yesterday[r] = Learner.learn(examples(r, pool, 0));
      today[r] = examples(r, pool, 2);
    }
    ScaleBench.log("for you: refreshing %d readers' models", n);
    int changed = (int) Math.round(options.readers() * options.changedShare());
    Learner.Settings centroid = Learner.Settings.DEFAULT.centroidOnly();
    Row all =
        time(
            "logistic from zero (`Learner.learn`), all readers",
            n,
            threads,
            options.readers(),
            r -> learn(today[r], Learner.Settings.DEFAULT));
    return List.of(
        all,
        new Row(
            "logistic from zero, the readers changed in a day", n, threads, all.seconds(), changed),
        time(
            "logistic from yesterday's model (`Learner.refresh`), the readers changed in a day",
            n,
            threads,
            changed,
            r -> Learner.refresh(today[r], yesterday[r]).bias()),
        time(
            "logistic from zero, one thread, all readers",
            n,
            1,
            options.readers(),
            r -> learn(today[r], Learner.Settings.DEFAULT)),
        time(
            "baseline: centroid, all readers",
            n,
            threads,
            options.readers(),
            r -> learn(today[r], centroid)));
  }

  /**
   * A reader with 3–80 saved papers of their field ({@code more} of them saved today), 0–9 papers
   * voted down from a neighbouring one, and the learner's bounded background sample from a pool of
   * other papers.
   */
  private Examples examples(int r, List<float[]> pool, int more) {
    List<float[]> positives = new ArrayList<>();
    for (int i = 0, n = 3 + (r * 37) % 78 + more; i < n; i++) {
      positives.add(vectors.inCluster(r, i));
    }
    List<float[]> negatives = new ArrayList<>();
    for (int i = 0; i < r % 10; i++) {
      negatives.add(vectors.inCluster(r + 1, i));
    }
    int from = (r * 613) % (pool.size() - 500);
    return new Examples(positives, null, negatives, pool.subList(from, from + 500));
  }

  private static double learn(Examples examples, Learner.Settings settings) {
    return Learner.learn(examples, settings).bias();
  }

  /** Runs {@code work} for readers 0..n−1 on {@code threads} threads, {@code runs} times. */
  private Row time(String work, int n, int threads, int of, IntToDoubleFunction perReader)
      throws Exception {
    across(Math.min(n, WARM_UP), threads, perReader);
    double[] seconds = new double[options.runs()];
    for (int run = 0; run < seconds.length; run++) {
      long start = System.nanoTime();
      double check = across(n, threads, perReader);
      seconds[run] = (System.nanoTime() - start) / 1e9;
      ScaleBench.log("for you: %s, %d readers, %.2f s (check %.3g)", work, n, seconds[run], check);
    }
    return new Row(work, n, threads, Stats.Spread.of(seconds), of);
  }

  private static double across(int n, int threads, IntToDoubleFunction perReader) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger named = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "bench-for-you-" + named.incrementAndGet()));
    try {
      List<Future<Double>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(
            pool.submit(
                () -> {
                  double sum = 0;
                  for (int r = next.getAndIncrement(); r < n; r = next.getAndIncrement()) {
                    sum += perReader.applyAsDouble(r);
                  }
                  return sum;
                }));
      }
      double check = 0;
      for (Future<Double> part : parts) {
        check += part.get();
      }
      return check;
    } finally {
      pool.shutdown();
    }
  }

  private static double byRows(ReaderRanker ranker, float[] rows) {
    return topSum(ranker.scoreAll(rows, rows.length / ranker.dimensions()));
  }

  private static double byPaper(ReaderRanker ranker, float[][] papers) {
    float[] scores = new float[papers.length];
    for (int i = 0; i < papers.length; i++) {
      scores[i] = (float) ranker.score(papers[i]);
    }
    return topSum(scores);
  }

  /** A row timed per block of readers, told per reader. */
  private static Row perReader(Row blocks, int block) {
    return new Row(
        blocks.work(),
        blocks.readers() * block,
        blocks.threads(),
        blocks.seconds(),
        blocks.of() * block);
  }

  private static double blocked(Candidates candidates, List<ReaderRanker> block) {
    double sum = 0;
    for (float[] scores : candidates.scores(block)) {
      sum += topSum(scores);
    }
    return sum;
  }

  /** Every value touched once; an integer fold, which the JIT vectorizes, bounds it by memory. */
  private static double reading(float[] rows) {
    int fold = 0;
    for (float v : rows) {
      fold ^= Float.floatToRawIntBits(v);
    }
    return fold;
  }

  /**
   * The sum of the {@link #TOP} best scores: keeps the top as the product does, and the work live.
   */
  private static double topSum(float[] scores) {
    float[] top = new float[TOP];
    Arrays.fill(top, Float.NEGATIVE_INFINITY);
    for (float s : scores) {
      if (s > top[0]) {
        int i = 1;
        while (i < TOP && top[i] < s) {
          top[i - 1] = top[i];
          i++;
        }
        top[i - 1] = s;
      }
    }
    double sum = 0;
    for (float t : top) {
      sum += t;
    }
    return sum;
  }

  private static float[] rowMajor(float[][] papers, int dims) {
    float[] m = new float[papers.length * dims];
    for (int r = 0; r < papers.length; r++) {
      System.arraycopy(papers[r], 0, m, r * dims, dims);
    }
    return m;
  }

  private String report(String command, List<Row> scoring, List<Row> refresh) {
    StringBuilder md = new StringBuilder(SECTION.begin()).append('\n');
    md.append("## For you at 100,000 readers\n\n");
    md.append(
        f(
            "Measured on %s on this machine (%d cores), Java %s, with:%n%n```sh%n%s%n```%n%n",
            LocalDate.now(), threads, System.getProperty("java.version"), command));
    md.append(
        f(
            "%,d readers, each with a linear ranking over 384-dimensional unit vectors, against"
                + " %,d new papers (synthetic clustered vectors, as `SyntheticVectors`). Scoring"
                + " keeps each reader's top %d. Seconds: the median of %d runs (min–max); rows"
                + " timed on fewer readers are scaled to all of them in the last column.%n%n",
            options.readers(), options.candidates(), TOP, options.runs()));
    md.append("**Scoring** every reader against the day's papers:\n\n");
    md.append(table(scoring, "CPU µs per reader"));
    md.append(
        f(
            "%n**Refreshing** readers' models (`Learner.learn` with its default bounded samples:"
                + " at most 1,000 positives, 500 explicit negatives, 500 background papers);"
                + " readers with 3–80 positives and 0–9 negatives, 2 positives more than"
                + " yesterday, %,d of them timed; a day's changed readers taken as %.0f %%:%n%n",
            refresh.get(0).readers(), options.changedShare() * 100));
    md.append(table(refresh, "CPU ms per reader"));
    return md.append(SECTION.end()).append('\n').toString();
  }

  private static String table(List<Row> rows, String perReader) {
    StringBuilder md =
        new StringBuilder(
            "| work | threads | readers timed | seconds | "
                + perReader
                + " | seconds for the readers in question |\n|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      double per = perReader.contains("ms") ? r.microsPerReader() / 1000 : r.microsPerReader();
      md.append(
          f(
              "| %s | %d | %,d | %s | %.2f | %,d readers: %.1f s |%n",
              r.work(),
              r.threads(),
              r.readers(),
              r.seconds().format("%.2f"),
              per * r.threads(),
              r.of(),
              r.secondsForAll()));
    }
    return md.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
