package dev.paperboy.bench;

import dev.paperboy.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Import speed alone, the part of {@link ScaleBench} that index writes bound: {@code --size} new
 * papers into an empty server, then {@code --more} new papers into the index they made (where each
 * update must look for an older copy among everything already indexed), then the first file again
 * unchanged. Options: {@code --size 100000}, {@code --more 20000}, {@code --runs 3}, {@code --work
 * DIR}. Run with the classpath {@code bin/bench} builds.
 */
public final class ImportBench {

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int size = 100_000;
    int more = 20_000;
    int runs = 3;
    Path work = Path.of("target/bench-import");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--more" -> more = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path launcher = Path.of("bin/paperboy").toAbsolutePath();
    ServerProcess.prepare(launcher);
    Path home = work.toAbsolutePath().resolve(size + "+" + more);
    Path papers = home.resolve("corpus.jsonl");
    Path extra = home.resolve("more.jsonl");
    if (!Files.exists(extra)) {
      SyntheticCorpus corpus = new SyntheticCorpus(ScaleBench.SEED, ScaleBench.LAST_DAY);
      Files.createDirectories(home);
      corpus.write(papers, size);
      corpus.write(extra, size, size + more, size);
    }
    double[] first = new double[runs];
    double[] next = new double[runs];
    double[] again = new double[runs];
    for (int r = 0; r < runs; r++) {
      Path data = home.resolve("data");
      ScaleBench.deleteTree(data);
      try (ServerProcess server =
          ServerProcess.start(launcher, data, Map.of("PAPERBOY_SCHEDULE", "false"))) {
        first[r] = size / seconds(server, papers);
        next[r] = more / seconds(server, extra);
        again[r] = size / seconds(server, papers);
      }
      ScaleBench.log(
          "run %d: %.0f, then %.0f, unchanged %.0f papers/s", r + 1, first[r], next[r], again[r]);
    }
    System.out.printf(
        "| %,d new into an empty index | %,d new into %,d | %,d unchanged |%n| %s | %s | %s |%n",
        size,
        more,
        size,
        size,
        Stats.Spread.of(first).format("%.0f"),
        Stats.Spread.of(next).format("%.0f"),
        Stats.Spread.of(again).format("%.0f"));
  }

  private static double seconds(ServerProcess server, Path body) throws Exception {
    long t = System.nanoTime();
    server.post("/admin/import?embeddings=false&file=bench", body);
    return (System.nanoTime() - t) / 1e9;
  }
}
