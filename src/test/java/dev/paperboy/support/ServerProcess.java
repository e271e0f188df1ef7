package dev.paperboy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product as a user runs it, as a separate OS process on a data directory of the caller's,
 * measured and driven from outside: {@code bin/paperboy serve} (which execs Java, so the process is
 * the JVM) for the benchmarks, or {@code java -jar target/paperboy.jar serve} for the cluster's
 * instances. It can be killed with SIGKILL and started again on the same data directory and port.
 */
public final class ServerProcess implements AutoCloseable {

  /** The benchmarks' heap. */
  public static final String HEAP = "2g";

  /** The operator credential every server started here accepts, for admin and metrics calls. */
  public static final String OPERATOR_TOKEN = java.util.UUID.randomUUID().toString();

  /** What to run, where, and with which environment: enough to start it again after a kill. */
  private record Launch(List<String> command, Path dataDir, int port, Map<String, String> env) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Launch launch;
  private final Process process;
  private final double startupSeconds;

  private ServerProcess(Launch launch, Process process, double startupSeconds) {
    this.launch = launch;
    this.process = process;
    this.startupSeconds = startupSeconds;
  }

  /** Builds what {@code bin/paperboy} needs (the start-up archive) before anything is timed. */
  public static void prepare(Path launcher) throws Exception {
    Process p = new ProcessBuilder(launcher.toString(), "help").inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(launcher + " help failed");
    }
  }

  /** {@code bin/paperboy serve} with the benchmarks' heap on a free port. */
  public static ServerProcess start(Path launcher, Path dataDir, Map<String, String> env)
      throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PAPERBOY_JAVA_OPTS", "-Xmx" + HEAP);
    return start(new Launch(List.of(launcher.toString(), "serve"), dataDir, freePort(), all));
  }

  /** {@code java OPTIONS -jar JAR serve} on {@code port}: the JVM is the process itself. */
  public static ServerProcess jar(
      Path jar, List<String> jvmOptions, Path dataDir, int port, Map<String, String> env)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve"));
    return start(new Launch(List.copyOf(command), dataDir, port, env));
  }

  private static ServerProcess start(Launch launch) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(launch.command());
    builder.environment().put("PAPERBOY_DATA_DIR", launch.dataDir().toString());
    builder.environment().put("PAPERBOY_PORT", String.valueOf(launch.port()));
    builder.environment().put("PAPERBOY_SOURCES", "");
    builder.environment().put("PAPERBOY_EMBEDDING_BACKFILL", "false");
    builder.environment().put("PAPERBOY_ADMIN_TOKEN", OPERATOR_TOKEN);
    // Its temporary files (Tomcat's, ONNX Runtime's) go where the tests' own go: target/tmp.
    builder
        .environment()
        .put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    builder.environment().putAll(launch.env());
    Files.createDirectories(launch.dataDir());
    builder.redirectErrorStream(true);
    // Appended, so the log of a killed run survives its restart.
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(launch.dataDir().resolve("server.log").toFile()));
    long start = System.nanoTime();
    Process process = builder.start();
    new ServerProcess(launch, process, 0).awaitFirstPage(Duration.ofMinutes(30));
    return new ServerProcess(launch, process, (System.nanoTime() - start) / 1e9);
  }

  private void awaitFirstPage(Duration limit) throws Exception {
    awaitStatus("/", limit);
  }

  /** Waits until {@code path} answers 200; fails if the process stops first. */
  public void awaitStatus(String path, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server stopped; see " + log());
      }
      try {
        if (get(path).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        path + " did not answer 200 within " + limit + "; see " + log());
  }

  /** Ends the process with SIGKILL, as a crash or the OOM killer would, and waits for it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The same command on the same data directory and port, after {@link #kill}. */
  public ServerProcess restart() throws Exception {
    return start(launch);
  }

  public double startupSeconds() {
    return startupSeconds;
  }

  public int port() {
    return launch.port();
  }

  public String base() {
    return "http://127.0.0.1:" + launch.port();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return launch.dataDir().resolve("server.log");
  }

  /** A GET with the operator credential. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .timeout(Duration.ofMinutes(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a body (a file, or nothing) and fails unless the answer is 200. */
  public String post(String path, Path body) throws IOException, InterruptedException {
    return send(
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofFile(body));
  }

  /** POSTs text (a file's content) and fails unless the answer is 200. */
  public String postText(String path, String body) throws IOException, InterruptedException {
    return send(path, HttpRequest.BodyPublishers.ofString(body));
  }

  private String send(String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofHours(3))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Heap in use now, in MiB, as the server's own metrics say. */
  public double heapUsedMiB() throws Exception {
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
  public double[] residentMiB() throws IOException {
    String status = Files.readString(Path.of("/proc", String.valueOf(pid()), "status"));
    return new double[] {field(status, "VmRSS") / 1024, field(status, "VmHWM") / 1024};
  }

  private static double field(String status, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+) kB").matcher(status);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  /** The port of the embedded PostgreSQL, from its postmaster.pid (fourth line). */
  public static int postgresPort(Path dataDir) throws IOException {
    return Integer.parseInt(
        Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
  }

  public static int freePort() {
    return PaperboyIntegrationTest.freePort();
  }

  /** Stops gently (SIGTERM), as an operator's service manager would. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
