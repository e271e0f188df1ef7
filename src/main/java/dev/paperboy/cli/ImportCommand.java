package dev.paperboy.cli;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import dev.paperboy.runtime.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import FILE|DIR...}: imports each file (every file of a directory, in name order) and
 * prints what happened to its records; the exit status says whether all, some or none imported.
 */
final class ImportCommand {

  /** Files smaller than this finish in a moment and get no progress bar. */
  private static final long PROGRESS_THRESHOLD = 4L * 1024 * 1024;

  /** Leaves embedding for later: the papers are searchable by their words at once. */
  static final String NO_EMBEDDINGS = "--no-embeddings";

  private final PrintStream out;
  private final PrintStream err;
  private final LocalContext local;

  ImportCommand(PrintStream out, PrintStream err, LocalContext local) {
    this.out = out;
    this.err = err;
    this.local = local;
  }

  int run(List<String> args, Optional<RunningServer> server) {
    boolean embed = !args.contains(NO_EMBEDDINGS);
    List<String> files;
    try {
      files = ImportFiles.expand(args.stream().filter(a -> !a.equals(NO_EMBEDDINGS)).toList());
    } catch (ImportFiles.Refused e) {
      err.println("paperboy import: " + e.getMessage());
      return ExitStatus.USAGE.code;
    }
    ImportTotals totals =
        server.isPresent()
            ? viaServer(files, embed, new ServerClient(server.get()))
            : locally(files, embed);
    totals.print(out);
    if (!embed) {
      out.println(
          "Imported without embeddings: a running server makes them in the background;"
              + " otherwise paperboy reindex does.");
    }
    return totals.status().code;
  }

  private ImportTotals locally(List<String> files, boolean embed) {
    try (ConfigurableApplicationContext context = local.start()) {
      Importer importer = context.getBean(Importer.class);
      return importEach(files, (file, in) -> importer.importFile(file, in, embed));
    }
  }

  private ImportTotals viaServer(List<String> files, boolean embed, ServerClient client) {
    err.println("A Paperboy server owns this data directory; importing through it.");
    JsonMapper json = JsonMapper.builder().build();
    String path = embed ? "/admin/import" : "/admin/import?embeddings=false";
    return importEach(
        files, (file, in) -> json.readValue(client.post(path, file, in), ImportReport.class));
  }

  /** Imports one file's content, here or through the server. */
  private interface OneFile {
    ImportReport importFrom(String file, InputStream content);
  }

  /** Imports the files one by one; a file that cannot be read is reported and the next goes on. */
  private ImportTotals importEach(List<String> files, OneFile importer) {
    ImportTotals totals = new ImportTotals();
    for (String file : files) {
      try (InputStream in = open(file)) {
        ImportReport report = importer.importFrom(file, in);
        report.print(out);
        totals.add(report);
      } catch (IOException | UncheckedIOException | ServerClient.BodyUnreadable e) {
        out.println(file + ": cannot read it: " + reason(e) + " (rejected)");
        totals.unreadable();
      }
    }
    return totals;
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof IOException || e.getCause() == null ? e : e.getCause();
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private InputStream open(String file) throws IOException {
    if (file.equals("-")) {
      return System.in;
    }
    Path path = Path.of(file);
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
  }
}
