package dev.paperboy.search;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.ingest.Importer;
import dev.paperboy.yardstick.Metrics;
import dev.paperboy.yardstick.Yardstick;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Grid search of {@link Fusion}'s parameters on the yardstick's dev queries (docs/SEARCH.md says
 * how to run it). Each query is searched once; every fusion is then tried on its two lists in
 * memory, and the fusions are ranked by mean nDCG@10, then MRR.
 */
public final class FusionTuning {

  private static final double[] BIAS = {-3, -2, -1, 0, 1, 2};
  private static final double[] KNOWN = {0, 1, 2, 4};
  private static final double[] ALL_WORDS = {0, 1, 2};
  private static final double[] GAP = {0, 1, 2, 4, 8};
  private static final double[] SPREAD = {0, 5, 10, 20, 40};

  /** A weight of the words of practically 1: the words' order, then meaning's other papers. */
  private static final Fusion WORDS_ALONE = new Fusion(50, 0, 0, 0, 0);

  private FusionTuning() {}

  /** A query's two lists and its judgments. */
  private record Case(
      String kind, PaperSearch.Candidates candidates, Map<String, Integer> grades) {}

  /** A fusion's mean scores over the cases. */
  private record Outcome(Fusion fusion, double ndcg10, double recall100, double mrr) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "yardstick");
    String model = args.length > 1 ? args[1] : EmbeddingModel.ALL_MINILM_L6_V2_Q.id();
    Yardstick yardstick = Yardstick.load(dir);
    Path temp = Files.createTempDirectory("paperboy-tune-");
    try (ConfigurableApplicationContext context = start(temp, model)) {
      context
          .getBean(Importer.class)
          .importFile(
              "yardstick corpus",
              new ByteArrayInputStream(yardstick.toJsonLines().getBytes(StandardCharsets.UTF_8)));
      PaperSearch search = context.getBean(PaperSearch.class);
      List<Case> cases = cases(search, yardstick.queries(Yardstick.Split.DEV));
      List<Outcome> outcomes = new ArrayList<>();
      for (Fusion f : grid()) {
        outcomes.add(outcome(search, f, cases));
      }
      outcomes.sort(
          Comparator.comparingDouble(Outcome::ndcg10).thenComparingDouble(Outcome::mrr).reversed());
      System.out.printf("%d dev queries, %d fusions; best ten:%n", cases.size(), outcomes.size());
      outcomes.stream().limit(10).forEach(FusionTuning::print);
      System.out.println("in use:");
      print(outcome(search, Fusion.TUNED, cases));
      System.out.println("by kind: best, in use, and words alone (w = 1, meaning only appended):");
      byKind(search, outcomes.get(0).fusion(), cases);
      byKind(search, Fusion.TUNED, cases);
      byKind(search, WORDS_ALONE, cases);
    } finally {
      try (Stream<Path> files = Files.walk(temp)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, String model) {
    return new SpringApplicationBuilder(PaperboyApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(
            "--logging.level.root=WARN",
            "--paperboy.sources.schedule=false",
            "--paperboy.background-jobs=false",
            "--paperboy.wait-for-owner=true",
            "--paperboy.data-dir=" + dataDir,
            "--paperboy.search.model=" + model);
  }

  private static List<Case> cases(PaperSearch search, List<Yardstick.Query> queries) {
    List<Case> cases = new ArrayList<>();
    for (Yardstick.Query q : queries) {
      try {
        SearchRequest request =
            new SearchRequest(q.text(), SearchMode.HYBRID, null, null, null, 1, 100);
        cases.add(new Case(q.kind(), search.candidates(request), q.grades()));
      } catch (InvalidQuery e) {
        // an empty query has nothing to fuse, whatever the fusion
      }
    }
    return cases;
  }

  private static List<Fusion> grid() {
    List<Fusion> grid = new ArrayList<>();
    for (double b : BIAS) {
      for (double k : KNOWN) {
        for (double a : ALL_WORDS) {
          for (double g : GAP) {
            for (double s : SPREAD) {
              grid.add(new Fusion(b, k, a, g, s));
            }
          }
        }
      }
    }
    return grid;
  }

  private static Outcome outcome(PaperSearch search, Fusion fusion, List<Case> cases) {
    double[] sum = new double[3];
    for (Case c : cases) {
      double[] m = measure(search, fusion, c);
      for (int i = 0; i < 3; i++) {
        sum[i] += m[i];
      }
    }
    int n = cases.size();
    return new Outcome(fusion, sum[0] / n, sum[1] / n, sum[2] / n);
  }

  /** What the reader would be shown, in order, as {@link PaperSearch#search} builds it. */
  private static double[] measure(PaperSearch search, Fusion fusion, Case c) {
    PaperSearch.Candidates k = c.candidates();
    PaperSearch.Ranked ranked =
        k.meaning()
            .map(m -> search.hybrid(k.words(), m, k.exact().isEmpty(), fusion))
            .orElse(k.words());
    Map<Integer, String> shown = new LinkedHashMap<>();
    Stream.of(k.exact(), ranked.docs(), ranked.closest())
        .flatMap(List::stream)
        .map((ScoreDoc d) -> d.doc)
        .forEach(doc -> shown.putIfAbsent(doc, k.ids().get(doc)));
    List<String> ids = shown.values().stream().limit(100).toList();
    return new double[] {
      Metrics.ndcg(ids, c.grades(), 10),
      Metrics.recall(ids, c.grades(), 100),
      Metrics.reciprocalRank(ids, c.grades())
    };
  }

  private static void byKind(PaperSearch search, Fusion fusion, List<Case> cases) {
    Map<String, List<Case>> kinds = new LinkedHashMap<>();
    cases.forEach(c -> kinds.computeIfAbsent(c.kind(), x -> new ArrayList<>()).add(c));
    kinds.forEach(
        (kind, group) -> {
          System.out.printf("  %-12s n=%3d ", kind, group.size());
          print(outcome(search, fusion, group));
        });
  }

  private static void print(Outcome o) {
    Fusion f = o.fusion();
    System.out.printf(
        Locale.ROOT,
        "bias %5.1f known %4.1f allWords %4.1f gap %4.1f spread %5.1f"
            + "  nDCG@10 %.3f  recall@100 %.3f  MRR %.3f%n",
        f.bias(),
        f.known(),
        f.allWords(),
        f.gap(),
        f.spread(),
        o.ndcg10(),
        o.recall100(),
        o.mrr());
  }
}
