package dev.paperboy.bench;

import dev.paperboy.search.Embedder;
import dev.paperboy.search.EmbeddingModel;
import dev.paperboy.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmark suite and writes docs/PERFORMANCE.md. Options: {@code --sizes
 * 10000,100000,1000000}, {@code --runs 3}, {@code --subscribers 100000}, {@code --queries 300},
 * {@code --mails 2000}, {@code --texts 256} (embedding throughput), {@code --out FILE}, {@code
 * --work DIR} (corpora and data directories, kept between runs), {@code --smoke} (a small quick run
 * that checks the suite works, written to target/); {@code --cluster} measures several instances
 * behind HAProxy instead ({@link ClusterBench}), and writes its section into docs/PERFORMANCE.md
 * and docs/DEPLOY.md (with {@code --smoke}: into copies under target/bench-smoke). {@code
 * --model-dir DIR} (repeatable) also measures search with each of those embedding models; {@code
 * --recommend} measures only For you at 100,000 readers ({@link RecommendBench}) and writes its
 * section into docs/PERFORMANCE.md (with {@code --smoke}: a small run into target/bench-smoke).
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    int runs = 3;
    int subscribers = 100_000;
    int queries = 300;
    int mails = 1_000;
    int texts = 256;
    Path out = Path.of("docs/PERFORMANCE.md");
    Path work = Path.of("target/bench");
    boolean cluster = false;
    boolean recommend = false;
    boolean smoke = false;
    List<Path> modelDirs = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" ->
            sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--subscribers" -> subscribers = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--mails" -> mails = Integer.parseInt(args[++i]);
        case "--texts" -> texts = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--cluster" -> cluster = true;
        case "--model-dir" -> modelDirs.add(Path.of(args[++i]));
        case "--recommend" -> recommend = true;
        case "--smoke" -> {
          smoke = true;
          sizes = List.of(2_000);
          runs = 1;
          subscribers = 1_000;
          queries = 60;
          mails = 50;
          texts = 16;
          out = Path.of("target/bench-smoke/PERFORMANCE.md");
          work = Path.of("target/bench-smoke");
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String command = "bin/bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
    if (cluster) {
      cluster(command, smoke, work, subscribers);
      return;
    }
    if (recommend) {
      RecommendBench.Options options =
          smoke ? RecommendBench.Options.smoke() : RecommendBench.Options.full();
      String section = new RecommendBench(options).run(command);
      RecommendBench.SECTION.writeInto(out, section);
      System.out.println(section);
      return;
    }
    Path launcher = Path.of("bin/paperboy").toAbsolutePath();
    ServerProcess.prepare(launcher);

    List<String> abstracts = new SyntheticCorpus(ScaleBench.SEED, ScaleBench.LAST_DAY).texts(texts);
    ScaleBench.log("embedding throughput on %d abstracts", texts);
    List<EmbeddingBench.Row> embedding = EmbeddingBench.run(abstracts, runs);
    double library = EmbeddingBench.libraryDefault(abstracts, runs);

    ScaleBench.Options options =
        new ScaleBench.Options(
            launcher, work.toAbsolutePath(), runs, subscribers, queries, mails, modelDirs);
    List<ScaleBench.Result> results = new ArrayList<>();
    String kept = ClusterReport.existing(out) + RecommendBench.SECTION.existing(out);
    try (Embedder embedder = new Embedder(EmbeddingModel.ALL_MINILM_L6_V2_Q, 128, 8, 2)) {
      for (int size : sizes) {
        results.add(new ScaleBench(options, size).run(embedder));
        String report = Report.write(command, runs, texts, queries, embedding, library, results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, kept.isEmpty() ? report : report + "\n" + kept);
      }
    }
    System.out.println(Files.readString(out));
  }

  /** The multi-instance figures, into the two documents that show them. */
  private static void cluster(String command, boolean smoke, Path work, int subscribers)
      throws Exception {
    Path dir = work.toAbsolutePath().resolve("cluster");
    ClusterBench.Options full = ClusterBench.Options.full(dir);
    ClusterBench.Options options =
        smoke
            ? ClusterBench.Options.smoke(dir)
            : new ClusterBench.Options(
                dir,
                full.papers(),
                full.load(),
                full.clients(),
                full.lagImports(),
                subscribers,
                full.followWithin());
    String section = new ClusterBench(options).run(command);
    for (String doc : List.of("PERFORMANCE.md", "DEPLOY.md")) {
      Path target = smoke ? work.resolve(doc) : Path.of("docs", doc);
      if (smoke && Files.exists(Path.of("docs", doc))) {
        Files.createDirectories(work);
        Files.copy(Path.of("docs", doc), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      ClusterReport.writeInto(target, section);
    }
    System.out.println(section);
  }
}
