package dev.paperboy.cli;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import dev.paperboy.runtime.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** {@code import FILE...}: imports each file and prints what happened to its records. */
final class ImportCommand {

  /** Files smaller than this finish in a moment and get no progress bar. */
  private static final long PROGRESS_THRESHOLD = 4L * 1024 * 1024;

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  ImportCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  /** Leaves embedding for later: the papers are searchable by their words at once. */
  static final String NO_EMBEDDINGS = "--no-embeddings";

  int run(List<String> args, Optional<RunningServer> server) {
    boolean embed = !args.contains(NO_EMBEDDINGS);
    List<String> files = args.stream().filter(a -> !a.equals(NO_EMBEDDINGS)).toList();
    for (String file : files) {
      if (file.startsWith("--")) {
        err.println("paperboy import: unknown option " + file + " (known: " + NO_EMBEDDINGS + ")");
        return 2;
      }
    }
    if (files.isEmpty()) {
      err.println("paperboy import: name at least one file, or - for standard input");
      return 2;
    }
    for (String file : files) {
      if (!file.equals("-") && !Files.isReadable(Path.of(file))) {
        err.println("paperboy import: cannot read " + file);
        return 2;
      }
    }
    List<ImportReport> reports =
        server.isPresent()
            ? viaServer(files, embed, new ServerClient(server.get()))
            : locally(files, embed);
    printTotals(reports);
    if (!embed) {
      out.println(
          "Imported without embeddings: a running server makes them in the background;"
              + " otherwise paperboy reindex does.");
    }
    return reports.stream().anyMatch(r -> r.format().equals("unknown format")) ? 1 : 0;
  }

  private List<ImportReport> locally(List<String> files, boolean embed) {
    try (ConfigurableApplicationContext context = local.start()) {
      Importer importer = context.getBean(Importer.class);
      List<ImportReport> reports = new ArrayList<>();
      for (String file : files) {
        try (InputStream in = open(file)) {
          ImportReport report = importer.importFile(file, in, embed);
          report.print(out);
          reports.add(report);
        } catch (IOException e) {
          throw new CommandFailed("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
      return reports;
    }
  }

  private List<ImportReport> viaServer(List<String> files, boolean embed, ServerClient client) {
    err.println("A Paperboy server owns this data directory; importing through it.");
    JsonMapper json = JsonMapper.builder().build();
    List<ImportReport> reports = new ArrayList<>();
    for (String file : files) {
      String body =
          client.post(
              embed ? "/admin/import" : "/admin/import?embeddings=false",
              file,
              () -> {
                try {
                  return open(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      ImportReport report = json.readValue(body, ImportReport.class);
      report.print(out);
      reports.add(report);
    }
    return reports;
  }

  private InputStream open(String file) throws IOException {
    if (file.equals("-")) {
      return System.in;
    }
    Path path = Path.of(file);
    try {
      long size = Files.size(path);
      InputStream in = Files.newInputStream(path);
      if (size < PROGRESS_THRESHOLD) {
        return in;
      }
      return ProgressBar.wrap(
          in,
          new ProgressBarBuilder()
              .setTaskName("import " + path.getFileName())
              .setInitialMax(size)
              .setUnit(" MiB", 1024 * 1024)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(err)));
    } catch (NoSuchFileException e) {
      throw new CommandFailed("no such file: " + file, e);
    }
  }

  private void printTotals(List<ImportReport> reports) {
    if (reports.size() < 2) {
      return;
    }
    out.printf(
        "total: %,d new, %,d updated, %,d unchanged, %,d rejected%n",
        reports.stream().mapToLong(ImportReport::created).sum(),
        reports.stream().mapToLong(ImportReport::updated).sum(),
        reports.stream().mapToLong(ImportReport::unchanged).sum(),
        reports.stream().mapToLong(ImportReport::rejected).sum());
  }
}
