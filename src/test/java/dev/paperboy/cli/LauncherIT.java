package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/paperboy}'s first start after a build, as a new user's first command: it records the
 * class-data-sharing archive with a training start of the server, which the JVM ends by halting, so
 * Spring never stops the embedded PostgreSQL that start began. The launcher stops it: no database
 * may run on after the command, in a data directory that no longer exists.
 */
class LauncherIT {

  @Test
  void theFirstStartAfterABuildLeavesNoDatabaseRunning() throws Exception {
    Path app = Path.of("target", "app");
    Files.deleteIfExists(app.resolve("paperboy.jsa"));
    Path data = Files.createTempDirectory("paperboy-launcher-");
    Set<Path> before = leftovers();
    ProcessBuilder builder = new ProcessBuilder("bin/paperboy", "help").redirectErrorStream(true);
    builder.environment().put("PAPERBOY_DATA_DIR", data.toString());
    builder.environment().put("TMPDIR", System.getProperty("java.io.tmpdir"));
    Process launcher = builder.start();
    String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(launcher.exitValue()).as(output).isZero();
    assertThat(output).contains("preparing fast start-up");
    assertThat(app.resolve("paperboy.jsa")).as(output).exists();
    assertThat(leftovers())
        .as("the training start's temporary files go with its directory")
        .isSubsetOf(before);
    Map<Long, String> orphans = orphans();
    // stopped whatever the outcome, so that a failure leaves no server behind either
    orphans.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    assertThat(orphans.values()).as("PostgreSQL servers whose data directory is gone").isEmpty();
  }

  /**
   * Tomcat's and ONNX Runtime's temporary files where a JVM puts them unless told otherwise ({@code
   * /tmp}), and in this run's temporary directory, where the launcher's own go.
   */
  private static Set<Path> leftovers() throws IOException {
    Set<Path> found = new java.util.HashSet<>();
    for (Path dir : List.of(Path.of("/tmp"), Path.of(System.getProperty("java.io.tmpdir")))) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.getFileName().toString().matches("(tomcat|onnxruntime).*"))
            .forEach(found::add);
      }
    }
    return found;
  }

  /**
   * The command lines of PostgreSQL servers started under this test run's temporary directory
   * (where the launcher's training start makes its data directory) whose data directory is gone, by
   * process id.
   */
  private static Map<Long, String> orphans() throws IOException {
    String temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
    Map<Long, String> orphans = new TreeMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        List<String> args = commandLine(process);
        int data = args.indexOf("-D");
        if (args.isEmpty()
            || !args.get(0).endsWith("/bin/postgres")
            || data < 0
            || data + 1 >= args.size()) {
          continue;
        }
        String directory = args.get(data + 1);
        if (directory.startsWith(temporary) && !Files.isDirectory(Path.of(directory))) {
          orphans.put(Long.parseLong(process.getFileName().toString()), String.join(" ", args));
        }
      }
    }
    return orphans;
  }

  private static List<String> commandLine(Path process) {
    try {
      byte[] raw = Files.readAllBytes(process.resolve("cmdline"));
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException | SecurityException e) {
      return List.of(); // not a process, or one that ended meanwhile
    }
  }
}
