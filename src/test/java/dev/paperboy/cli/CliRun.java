package dev.paperboy.cli;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.runtime.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One run of the command line, in this process, with what it printed and its exit status. */
record CliRun(int status, String out, String err) {

  static CliRun of(Path dataDir, String... args) {
    return on(new DataDirectory(dataDir), List.of(), false, args);
  }

  /** A run with these application settings, on an external database when {@code external}. */
  static CliRun on(DataDirectory dir, List<String> settings, boolean external, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                PaperboyApplication.class,
                dir,
                settings,
                external)
            .run(args);
    return new CliRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
