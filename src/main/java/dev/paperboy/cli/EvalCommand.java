package dev.paperboy.cli;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import dev.paperboy.runtime.DataDirectory;
import dev.paperboy.search.Embedder;
import dev.paperboy.search.EmbeddingModel;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.SearchMode;
import dev.paperboy.yardstick.EmbeddingCost;
import dev.paperboy.yardstick.Evaluation;
import dev.paperboy.yardstick.RelevanceReport;
import dev.paperboy.yardstick.Yardstick;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code eval}: imports the yardstick into a fresh temporary catalog per model, runs every query in
 * every mode, prints the dev queries one by one and both parts' totals with timing, and writes the
 * dev and test tables to docs/RELEVANCE.md. With {@code --recommend}, evaluates the For you ranking
 * on synthetic readers instead ({@link ForYouEval}).
 */
final class EvalCommand {

  static final String MODELS_SECTION = "\n## Models\n";

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  EvalCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  static final String USAGE =
      """
      usage: paperboy eval [--model ID|all] [--model-dir DIR]... [--max-tokens N] [--as-typed]
                           [--out FILE] [DIR]
             paperboy eval --recommend [--tune] [--model ID] [--out FILE] [DIR]
        measures search on the relevance yardstick in DIR (default yardstick/): dev queries one by
        one, test in aggregate, both written to FILE (default docs/RELEVANCE.md)
        --model ID|all   a built-in embedding model, or all of them (default all)
        --model-dir DIR  a model directory (model.onnx, tokenizer.json); repeatable; wins over --model
        --max-tokens N   cut titles and abstracts at N tokens (default: the model's)
        --as-typed       no query correction
        --recommend      measure the For you ranking and its baselines on synthetic readers
        --tune           with --recommend, first print the model's dev scores over a grid
      """;

  int run(List<String> args) {
    String models = "all";
    List<String> modelDirs = new ArrayList<>();
    String maxTokens = "0";
    Path report = Path.of("docs/RELEVANCE.md");
    Path dir = Path.of("yardstick");
    boolean asTyped = false;
    boolean recommend = false;
    boolean tune = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--recommend" -> recommend = true;
        case "--tune" -> tune = true;
        case "--model" -> models = value(args, ++i, "--model");
        case "--model-dir" -> modelDirs.add(value(args, ++i, "--model-dir"));
        case "--max-tokens" -> maxTokens = value(args, ++i, "--max-tokens");
        case "--out" -> report = Path.of(value(args, ++i, "--out"));
        case "--as-typed" -> asTyped = true;
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        default -> {
          if (args.get(i).startsWith("-")) {
            throw new CommandFailed(
                ExitStatus.USAGE, "unknown option " + args.get(i) + "\n" + USAGE.strip());
          }
          dir = Path.of(args.get(i));
        }
      }
    }
    for (String modelDir : modelDirs) {
      if (!Files.isDirectory(Path.of(modelDir))) {
        throw new CommandFailed(ExitStatus.USAGE, "no model directory " + modelDir);
      }
    }
    if (!Files.isDirectory(dir.resolve("corpus"))) {
      throw new CommandFailed(
          ExitStatus.USAGE, "no yardstick in " + dir + " (it needs corpus/ and queries/)");
    }
    Yardstick yardstick = Yardstick.load(dir);
    String command = "bin/paperboy eval" + (args.isEmpty() ? "" : " " + String.join(" ", args));
    if (recommend) {
      // one model: the shipped default unless one is named
      List<String> settings =
          new ArrayList<>(
              models.equals("all") && modelDirs.isEmpty()
                  ? List.of()
                  : candidates(models, modelDirs).get(0));
      settings.add("--paperboy.search.max-tokens=" + maxTokens);
      Path target = report;
      boolean grid = tune;
      return withYardstick(
          settings,
          yardstick,
          context -> new ForYouEval(out, err).run(context, yardstick, target, grid, command));
    }
    List<Evaluation.Result> results = new ArrayList<>();
    for (List<String> model : candidates(models, modelDirs)) {
      err.printf(
          "eval: %s on %d papers, %d dev and %d test queries%n",
          model,
          yardstick.papers().size(),
          yardstick.queries(Yardstick.Split.DEV).size(),
          yardstick.queries(Yardstick.Split.TEST).size());
      long start = System.nanoTime();
      List<String> settings = new ArrayList<>(model);
      settings.add("--paperboy.search.max-tokens=" + maxTokens);
      Evaluation.Result r = evaluate(settings, yardstick, asTyped);
      results.add(r);
      printDevQueries(r);
      printOverall(r);
      out.printf(
          Locale.ROOT,
          "%s: %s; whole run %.1f s%n",
          r.model(),
          RelevanceReport.timing(r),
          (System.nanoTime() - start) / 1e9);
    }
    write(
        report,
        RelevanceReport.markdown(results, yardstick, command, LocalDate.now().toString())
            + keptSections(report));
    out.println("wrote " + report);
    return 0;
  }

  /** Dev queries one by one, to tune on; the test part is only ever shown in aggregate. */
  private void printDevQueries(Evaluation.Result r) {
    for (Evaluation.Measured m : r.measured()) {
      if (m.query().split() == Yardstick.Split.DEV) {
        out.printf(Locale.ROOT, "dev %-11s nDCG@10", m.query().kind());
        m.byMode().forEach((mode, s) -> out.printf(Locale.ROOT, " %s %.3f", mode.id(), s.ndcg10()));
        out.println("  " + m.query().text());
      }
    }
  }

  private void printOverall(Evaluation.Result r) {
    for (Yardstick.Split split : Yardstick.Split.values()) {
      for (SearchMode mode : SearchMode.values()) {
        Evaluation.Score s = r.overall(split, mode);
        out.printf(
            Locale.ROOT,
            "%-30s %-4s %-8s nDCG@10 %.3f  recall@100 %.3f  MRR %.3f%n",
            r.model(),
            split.id(),
            mode.id(),
            s.ndcg10(),
            s.recall100(),
            s.mrr());
      }
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new CommandFailed(ExitStatus.USAGE, option + " needs a value");
    }
    return args.get(i);
  }

  /**
   * The settings that select each model to measure: the model directories given, else the built-in
   * models named (or all of them).
   */
  private static List<List<String>> candidates(String spec, List<String> modelDirs) {
    if (!modelDirs.isEmpty()) {
      return modelDirs.stream().map(d -> List.of("--paperboy.search.model-dir=" + d)).toList();
    }
    try {
      List<EmbeddingModel> models =
          spec.equals("all") ? EmbeddingModel.builtIn() : List.of(EmbeddingModel.byId(spec));
      return models.stream().map(m -> List.of("--paperboy.search.model=" + m.id())).toList();
    } catch (IllegalArgumentException e) {
      throw new CommandFailed(ExitStatus.USAGE, e.getMessage());
    }
  }

  private Evaluation.Result evaluate(List<String> settings, Yardstick yardstick, boolean asTyped) {
    return withYardstick(
        settings,
        yardstick,
        context -> {
          Embedder embedder = context.getBean(Embedder.class);
          err.println("eval: " + EmbeddingCost.of(embedder, yardstick));
          return Evaluation.run(
              embedder.signature() + " tokens",
              yardstick,
              context.getBean(PaperSearch.class),
              asTyped);
        });
  }

  /** Imports the yardstick into a fresh temporary catalog, then lets {@code work} use it. */
  private <T> T withYardstick(
      List<String> settings,
      Yardstick yardstick,
      Function<ConfigurableApplicationContext, T> work) {
    Path temp = createTemp();
    try (ConfigurableApplicationContext context =
        local.in(new DataDirectory(temp)).start(settings.toArray(String[]::new))) {
      ImportReport imported =
          context
              .getBean(Importer.class)
              .importFile(
                  "yardstick corpus",
                  new ByteArrayInputStream(
                      yardstick.toJsonLines().getBytes(StandardCharsets.UTF_8)));
      if (imported.created() != yardstick.papers().size()) {
        throw new CommandFailed("the yardstick corpus did not import cleanly: " + imported);
      }
      return work.apply(context);
    } finally {
      delete(temp);
    }
  }

  private static Path createTemp() {
    try {
      return Files.createTempDirectory("paperboy-eval-");
    } catch (IOException e) {
      throw new CommandFailed("cannot create a temporary directory", e);
    }
  }

  /**
   * The written-by-hand part of an existing report, from its "Models" section on (the comparison of
   * models, measured with several runs of this command), kept when the tables are written anew.
   */
  private static String keptSections(Path report) {
    try {
      String old = Files.isRegularFile(report) ? Files.readString(report) : "";
      int models = old.indexOf(MODELS_SECTION);
      return models < 0 ? "" : old.substring(models);
    } catch (IOException e) {
      throw new CommandFailed("cannot read " + report, e);
    }
  }

  static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new CommandFailed("cannot write " + file, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
