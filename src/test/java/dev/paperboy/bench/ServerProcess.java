package dev.paperboy.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product as a user runs it: {@code bin/paperboy serve} (which execs Java, so the process is
 * the JVM) with a 2 GB heap, on a data directory of the benchmark's, measured from outside
 * (start-up to first served page, resident memory, heap through the Prometheus endpoint).
 */
final class ServerProcess implements AutoCloseable {

  static final String HEAP = "2g";

  /** The operator credential the benchmark's server accepts, for its admin and metrics calls. */
  private static final String OPERATOR_TOKEN = java.util.UUID.randomUUID().toString();

  private final Process process;
  private final int port;
  private final double startupSeconds;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerProcess(Process process, int port, double startupSeconds) {
    this.process = process;
    this.port = port;
    this.startupSeconds = startupSeconds;
  }

  /** Builds what {@code bin/paperboy} needs (the start-up archive) before anything is timed. */
  static void prepare(Path launcher) throws Exception {
    Process p = new ProcessBuilder(launcher.toString(), "help").inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(launcher + " help failed");
    }
  }

  static ServerProcess start(Path launcher, Path dataDir, Map<String, String> env)
      throws Exception {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString(), "serve"));
    builder.environment().put("PAPERBOY_JAVA_OPTS", "-Xmx" + HEAP);
    builder.environment().put("PAPERBOY_DATA_DIR", dataDir.toString());
    builder.environment().put("PAPERBOY_PORT", String.valueOf(port));
    builder.environment().put("PAPERBOY_SOURCES", "");
    builder.environment().put("PAPERBOY_EMBEDDING_BACKFILL", "false");
    builder.environment().put("PAPERBOY_ADMIN_TOKEN", OPERATOR_TOKEN);
    builder.environment().putAll(env);
    Files.createDirectories(dataDir);
    builder.redirectErrorStream(true);
    builder.redirectOutput(dataDir.resolve("server.log").toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    ServerProcess server = new ServerProcess(process, port, 0);
    server.awaitFirstPage(Duration.ofMinutes(30));
    return new ServerProcess(process, port, (System.nanoTime() - start) / 1e9);
  }

  private void awaitFirstPage(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server stopped; see its server.log");
      }
      try {
        if (get("/").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the server did not answer within " + limit);
  }

  double startupSeconds() {
    return startupSeconds;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .timeout(Duration.ofMinutes(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a body (a file, or nothing) and fails unless the answer is 200. */
  String post(String path, Path body) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofHours(3))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .POST(
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofFile(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Heap in use now, in MiB, as the server's own metrics say. */
  double heapUsedMiB() throws Exception {
    String metrics = get("/actuator/prometheus").body();
    Matcher m =
        Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)")
            .matcher(metrics);
    double bytes = 0;
    while (m.find()) {
      bytes += Double.parseDouble(m.group(1));
    }
    return bytes / 1024 / 1024;
  }

  /** Resident memory of the Java process, now and at its peak, in MiB. */
  double[] residentMiB() throws IOException {
    String status = Files.readString(Path.of("/proc", String.valueOf(pid()), "status"));
    return new double[] {field(status, "VmRSS") / 1024, field(status, "VmHWM") / 1024};
  }

  private static double field(String status, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+) kB").matcher(status);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** The port of the embedded PostgreSQL, from its postmaster.pid (fourth line). */
  static int postgresPort(Path dataDir) throws IOException {
    return Integer.parseInt(
        Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
