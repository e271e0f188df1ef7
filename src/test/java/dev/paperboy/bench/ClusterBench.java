package dev.paperboy.bench;

import dev.paperboy.support.BulkSubscribers;
import dev.paperboy.support.Cluster;
import dev.paperboy.support.PaperLines;
import dev.paperboy.support.SearchLoad;
import dev.paperboy.support.ServerProcess;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bin/bench --cluster}: the layout of docs/DEPLOY.md (ClusterIT's harness) measured from
 * outside. Search throughput through HAProxy with 1, 2 and 3 instances (same corpus, query mix,
 * clients and duration); the index's lag under a steady import (from each import's answer on
 * instance 1 until instance 3 finds the paper); a digest run with 1 instance and with 3.
 */
final class ClusterBench {

  /** What to measure, and how much. */
  record Options(
      Path work,
      int papers,
      Duration load,
      int clients,
      int lagImports,
      int subscribers,
      Duration followWithin) {

    static Options full(Path work) {
      return new Options(
          work, 20_000, Duration.ofSeconds(60), 16, 200, 100_000, Duration.ofMinutes(5));
    }

    static Options smoke(Path work) {
      return new Options(work, 2_000, Duration.ofSeconds(5), 16, 10, 1_000, Duration.ofSeconds(30));
    }
  }

  /** Throughput through the balancer with {@code instances} instances. */
  record Throughput(int instances, double perSecond, double p50, double p99, int failed) {}

  /** A digest run on {@code instances} at once. */
  record DigestRun(int instances, int subscribers, double seconds, Map<Long, Long> perRecipient) {}

  /** Index lag in ms; {@code lost}: imports not found on instance 3 within the limit. */
  record Lag(int imports, double p50, double p99, int lost) {}

  private static final List<String> JVM = List.of("-Xmx1g");
  private static final Duration LAG_LIMIT = Duration.ofSeconds(10);
  private static final Duration IMPORT_EVERY = Duration.ofMillis(500);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Options options;
  private final SyntheticCorpus corpus = new SyntheticCorpus(ScaleBench.SEED, ScaleBench.LAST_DAY);
  private final List<Throughput> throughput = new ArrayList<>();
  private final List<DigestRun> digests = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Lag lag;

  ClusterBench(Options options) {
    this.options = options;
  }

  /** Measures everything and returns the section for docs/PERFORMANCE.md and docs/DEPLOY.md. */
  String run(String command) throws Exception {
    Path file = options.work().resolve("corpus-" + options.papers() + ".jsonl");
    if (!Files.exists(file)) {
      corpus.write(file, options.papers());
    }
    List<String> paths = searchPaths();
    for (int n = 1; n <= 3; n++) {
      // A fresh database each time, so no index may be left from an earlier run either.
      org.springframework.util.FileSystemUtils.deleteRecursively(
          options.work().resolve("cluster-" + n));
      try (Cluster cluster =
          Cluster.start(
              options.work().resolve("cluster-" + n),
              n,
              Map.of("PAPERBOY_SCHEDULE", "false"),
              JVM)) {
        load(cluster, file);
        throughput.add(throughput(cluster, paths));
        if (n == 3) {
          lag = lag(cluster);
        }
        if (n == 1 || n == 3) {
          digests.add(digest(cluster));
        }
      }
    }
    return ClusterReport.section(command, options, throughput, lag, digests, notes);
  }

  private List<String> searchPaths() {
    SplittableRandom random = new SplittableRandom(ScaleBench.SEED + 7);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Words past the commonest 40, so that no query is stop words only (a 400, "empty query").
      String q =
          corpus.word(40 + random.nextInt(4_000)) + " " + corpus.word(40 + random.nextInt(4_000));
      paths.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    return paths;
  }

  /**
   * Imports the corpus through instance 1 and waits until every instance's index holds it: until
   * the change feed is there, the others' indexes stay empty, and the figures say so.
   */
  private void load(Cluster cluster, Path file) throws Exception {
    ScaleBench.log("%d instances: importing %,d papers", cluster.size(), options.papers());
    cluster.instance(1).post("/admin/import?file=corpus.jsonl", file);
    String probe = corpus.word(40);
    long expected = Cluster.hits(cluster.instance(1).base(), probe);
    long deadline = System.nanoTime() + options.followWithin().toNanos();
    for (int n = 2; n <= cluster.size(); n++) {
      while (Cluster.hits(cluster.instance(n).base(), probe) < expected
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      if (Cluster.hits(cluster.instance(n).base(), probe) < expected) {
        notes.add(
            "With "
                + cluster.size()
                + " instances, instance "
                + n
                + "'s index did not follow the catalog within "
                + options.followWithin()
                + ": its figures"
                + " searched an incomplete index.");
      }
    }
  }

  private Throughput throughput(Cluster cluster, List<String> paths) throws Exception {
    SearchLoad.run(cluster.balancer(), paths, options.clients(), Duration.ofSeconds(5));
    SearchLoad.Result r =
        SearchLoad.run(cluster.balancer(), paths, options.clients(), options.load());
    double[] millis = r.samples().stream().mapToDouble(SearchLoad.Sample::millis).toArray();
    Throughput t =
        new Throughput(
            cluster.size(),
            r.perSecond(),
            Stats.percentile(millis, 50),
            Stats.percentile(millis, 99),
            (int) r.samples().stream().filter(SearchLoad.Sample::failed).count());
    ScaleBench.log("  %s", t);
    if (t.failed() > 0) {
      notes.add(
          "With "
              + cluster.size()
              + " instances, requests failed: "
              + r.samples().stream()
                  .filter(SearchLoad.Sample::failed)
                  .collect(
                      java.util.stream.Collectors.groupingBy(
                          SearchLoad.Sample::failure, java.util.stream.Collectors.counting())));
    }
    return t;
  }

  /** Imports one paper every {@link #IMPORT_EVERY} through instance 1, timed until instance 3. */
  private Lag lag(Cluster cluster) throws Exception {
    ScaleBench.log("index lag over %d imports", options.lagImports());
    List<Double> lags = new ArrayList<>();
    int lost = 0;
    for (int i = 0; i < options.lagImports(); i++) {
      long next = System.nanoTime() + IMPORT_EVERY.toNanos();
      String word = "zqlag" + i + "x" + Long.toHexString(System.nanoTime());
      word = word.replaceAll("[0-9]", "q");
      cluster.instance(1).postText("/admin/import?file=lag.jsonl", PaperLines.about(word, word, 1));
      long answered = System.nanoTime();
      long deadline = answered + LAG_LIMIT.toNanos();
      while (Cluster.hits(cluster.instance(3).base(), word) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      if (System.nanoTime() >= deadline) {
        lost++;
      } else {
        lags.add((System.nanoTime() - answered) / 1e6);
      }
      Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
    }
    double[] ms = lags.stream().mapToDouble(Double::doubleValue).toArray();
    Lag l =
        new Lag(
            options.lagImports(),
            ms.length == 0 ? Double.NaN : Stats.percentile(ms, 50),
            ms.length == 0 ? Double.NaN : Stats.percentile(ms, 99),
            lost);
    ScaleBench.log("  %s", l);
    return l;
  }

  /** Subscribers following today's papers; POST /admin/digest on every instance at once. */
  private DigestRun digest(Cluster cluster) throws Exception {
    ScaleBench.log("digest run for %,d subscribers on %d", options.subscribers(), cluster.size());
    String word = "zqdigest";
    cluster
        .instance(1)
        .postText("/admin/import?file=today.jsonl", PaperLines.about(word, word, 20));
    BulkSubscribers.insert(cluster.database(), options.subscribers(), word);
    long start = System.nanoTime();
    List<Integer> all = new ArrayList<>();
    for (int n = 1; n <= cluster.size(); n++) {
      all.add(n);
    }
    all.parallelStream().forEach(n -> runDigests(cluster.instance(n)));
    DigestRun d =
        new DigestRun(
            cluster.size(),
            options.subscribers(),
            (System.nanoTime() - start) / 1e9,
            BulkSubscribers.digestsPerRecipient(cluster.database()));
    ScaleBench.log("  %s", d);
    return d;
  }

  private static void runDigests(ServerProcess instance) {
    try {
      instance.post("/admin/digest", (Path) null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
