package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a running server on this data directory can be reached by the CLI: its process id and
 * loopback port, in {@code server.json}, and the operator token beside it. Only trusted while that
 * process is alive.
 */
public record RunningServer(long pid, int port, DataDirectory dir) {

  private static final Pattern FIELDS = Pattern.compile("\\{\"pid\":(\\d+),\"port\":(\\d+)}");

  public static Optional<RunningServer> find(DataDirectory dir) {
    try {
      if (!Files.exists(dir.serverFile())) {
        return Optional.empty();
      }
      Matcher m = FIELDS.matcher(Files.readString(dir.serverFile()).strip());
      if (!m.matches()) {
        return Optional.empty();
      }
      RunningServer server =
          new RunningServer(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), dir);
      boolean alive = ProcessHandle.of(server.pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(server) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void write() {
    try {
      Files.writeString(dir.serverFile(), "{\"pid\":" + pid + ",\"port\":" + port + "}\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.serverFile(), e);
    }
  }

  static void remove(DataDirectory dir) {
    try {
      Files.deleteIfExists(dir.serverFile());
    } catch (IOException e) {
      // a stale file is harmless: its pid is checked before it is trusted
    }
  }

  /** The credential the server asks of operator requests (see {@link OperatorToken}). */
  public Optional<String> operatorToken() {
    return OperatorToken.read(dir);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
