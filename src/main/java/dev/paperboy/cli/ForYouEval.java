package dev.paperboy.cli;

import dev.paperboy.catalog.Embeddings;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.foryou.Learner;
import dev.paperboy.search.Embedder;
import dev.paperboy.yardstick.ForYouEvaluation;
import dev.paperboy.yardstick.ForYouReaders;
import dev.paperboy.yardstick.ForYouReport;
import dev.paperboy.yardstick.Yardstick;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code eval --recommend}: the For you ranking and its baselines on synthetic readers, with the
 * yardstick's vectors as an import stored them; prints both parts and writes the section of
 * docs/RELEVANCE.md. With {@code --tune}, first prints the model's dev scores over a grid of
 * settings.
 */
final class ForYouEval {

  static final int READERS_PER_SPLIT = 300;
  static final long SEED = 16;

  private final PrintStream out;
  private final PrintStream err;

  ForYouEval(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(
      ConfigurableApplicationContext context,
      Yardstick yardstick,
      Path report,
      boolean tune,
      String command) {
    String model = context.getBean(Embedder.class).signature();
    Map<String, float[]> vectors = vectors(context.getBean(Embeddings.class), model, yardstick);
    ForYouReaders readers = ForYouReaders.of(yardstick, READERS_PER_SPLIT, SEED);
    err.printf(
        "eval --recommend: %d readers, %d older and %d new papers, vectors %s%n",
        readers.readers().size(), readers.older().size(), readers.newer().size(), model);
    ForYouEvaluation evaluation = new ForYouEvaluation(readers, vectors, yardstick);
    if (tune) {
      tune(evaluation);
    }
    long start = System.nanoTime();
    ForYouEvaluation.Result result = evaluation.run(Learner.Settings.DEFAULT);
    print(result);
    out.printf(Locale.ROOT, "all methods, both parts: %.1f s%n", (System.nanoTime() - start) / 1e9);
    String section = ForYouReport.markdown(result, model, command, LocalDate.now().toString());
    EvalCommand.write(report, ForYouReport.into(read(report), section));
    out.println("wrote " + report);
    return 0;
  }

  private static Map<String, float[]> vectors(
      Embeddings embeddings, String model, Yardstick yardstick) {
    List<PaperId> ids =
        yardstick.papers().stream().map(p -> PaperId.parse(p.id()).orElseThrow()).toList();
    Map<String, float[]> vectors = new HashMap<>();
    embeddings
        .find(model, ids)
        .forEach((id, stored) -> vectors.put(id.toString(), stored.vector()));
    if (vectors.size() != ids.size()) {
      throw new CommandFailed(
          "only " + vectors.size() + " of " + ids.size() + " yardstick papers have vectors");
    }
    return vectors;
  }

  private void print(ForYouEvaluation.Result result) {
    result
        .scores()
        .forEach(
            (split, byMethod) ->
                byMethod.forEach(
                    (method, s) ->
                        out.printf(
                            Locale.ROOT,
                            "%-4s %-46s nDCG@10 %.3f  recall@50 %.3f  MRR 1+4 %.3f%n",
                            split.id(),
                            method.label,
                            s.ndcg10(),
                            s.recall50(),
                            s.mrr())));
  }

  /**
   * The model's dev scores over a grid, then a reader with 2 saves under each centroid threshold,
   * then the model's scores blended with the centroid's and with arxiv-sanity's; test is never
   * looked at here.
   */
  private void tune(ForYouEvaluation evaluation) {
    for (boolean positiveScore : new boolean[] {false, true}) {
      for (ForYouEvaluation.FloorScore f :
          evaluation.floors(
              Yardstick.Split.DEV,
              Learner.Settings.DEFAULT,
              positiveScore,
              0.0,
              0.1,
              0.15,
              0.2,
              0.25,
              0.3,
              0.35,
              0.4,
              0.45,
              0.5)) {
        out.printf(
            Locale.ROOT,
            "tune floor %.2f on the nearest positive%s: dev nDCG@10 %.3f, held-out positives kept"
                + " %.3f, other new papers kept %.3f%n",
            f.floor(),
            positiveScore ? " and a score of 0 or more" : "",
            f.ndcg10(),
            f.relevantKept(),
            f.othersKept());
      }
    }
    for (int few = 1; few <= Learner.FEW_POSITIVES; few++) {
      Learner.Settings s = Learner.Settings.DEFAULT.withFewPositives(few);
      print(
          "2 saves",
          evaluation.score(Yardstick.Split.DEV, ForYouEvaluation.Method.TWO_SAVES, s),
          s);
    }
    for (Learner.Settings s : grid()) {
      print("model", evaluation.score(Yardstick.Split.DEV, ForYouEvaluation.Method.MODEL, s), s);
      print(
          "2 saves",
          evaluation.score(Yardstick.Split.DEV, ForYouEvaluation.Method.TWO_SAVES, s),
          s);
    }
    Learner.Settings d = Learner.Settings.DEFAULT;
    for (ForYouEvaluation.Method other :
        List.of(ForYouEvaluation.Method.CENTROID, ForYouEvaluation.Method.TFIDF_SVM)) {
      for (double share : new double[] {0.1, 0.2, 0.3, 0.5}) {
        print(
            String.format(Locale.ROOT, "model + %.1f %s", share, other.label),
            evaluation.blend(Yardstick.Split.DEV, d, other, share),
            d);
      }
    }
  }

  private void print(String what, ForYouEvaluation.Score dev, Learner.Settings s) {
    out.printf(
        Locale.ROOT,
        "tune %s dev nDCG@10 %.3f recall@50 %.3f MRR %.3f  %s%n",
        what,
        dev.ndcg10(),
        dev.recall50(),
        dev.mrr(),
        s);
  }

  private static List<Learner.Settings> grid() {
    Learner.Settings d = Learner.Settings.DEFAULT;
    List<Learner.Settings> grid = new ArrayList<>();
    // the raw vectors' best (C = 1), then standardized ones around the chosen
    grid.add(
        new Learner.Settings(
            d.fewPositives(), d.maxPositives(), d.maxNegatives(), 500, 1, 4, 3, 0.5, false));
    for (double cost : new double[] {0.001, 0.003, 0.01}) {
      for (double share : new double[] {0.5, 0.7}) {
        for (int negative : new int[] {1, 2, 3}) {
          for (int background : new int[] {500, 1000}) {
            grid.add(
                new Learner.Settings(
                    d.fewPositives(),
                    d.maxPositives(),
                    d.maxNegatives(),
                    background,
                    cost,
                    d.copiesPerPositiveWeight(),
                    negative,
                    share,
                    true));
          }
        }
      }
    }
    return grid;
  }

  private static String read(Path report) {
    try {
      return Files.isRegularFile(report) ? Files.readString(report) : "";
    } catch (IOException e) {
      throw new CommandFailed("cannot read " + report, e);
    }
  }
}
