package dev.paperboy.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The layout of docs/DEPLOY.md on one machine: an external PostgreSQL, N Paperboy instances as
 * separate processes (each with its own data directory for its index), HAProxy with the committed
 * configuration in front, and an SMTP server (GreenMail) they all send through.
 */
public final class Cluster implements AutoCloseable {

  /** The packaged server: failsafe runs after {@code package}, and bin/bench packages first. */
  public static final Path JAR = Path.of("target/paperboy.jar");

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private static final Duration READY_WITHIN = Duration.ofMinutes(5);

  private final Path work;
  private final ExternalDatabase server;
  private final ExternalDatabase.Database database;
  private final GreenMail smtp;
  private final ServerProcess[] instances;
  private final LoadBalancer balancer;

  private Cluster(
      Path work,
      ExternalDatabase server,
      ExternalDatabase.Database database,
      GreenMail smtp,
      ServerProcess[] instances,
      LoadBalancer balancer) {
    this.work = work;
    this.server = server;
    this.database = database;
    this.smtp = smtp;
    this.instances = instances;
    this.balancer = balancer;
  }

  /**
   * Starts everything in {@code work}: instance 1 first (it migrates the catalog), the others
   * together, HAProxy once all are ready. {@code env} and {@code jvmOptions} go to every instance.
   */
  public static Cluster start(
      Path work, int count, Map<String, String> env, List<String> jvmOptions) throws Exception {
    LoadBalancer.requireHaproxy();
    quietSmtpLog();
    long start = System.nanoTime();
    ExternalDatabase server = ExternalDatabase.start(work.resolve("postgres"));
    ExternalDatabase.Database database = server.create("paperboy_site");
    GreenMail smtp =
        new GreenMail(new ServerSetup(PaperboyIntegrationTest.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    int balancerPort = PaperboyIntegrationTest.freePort();
    Map<String, String> shared = new HashMap<>(database.environment());
    shared.put("PAPERBOY_SMTP_HOST", "127.0.0.1");
    shared.put("PAPERBOY_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
    shared.put("PAPERBOY_TRUSTED_PROXIES", "127.0.0.1");
    shared.put("PAPERBOY_BASE_URL", "http://127.0.0.1:" + balancerPort);
    shared.putAll(env);
    ServerProcess[] instances = new ServerProcess[count];
    instances[0] = instance(work, 1, shared, jvmOptions);
    List<CompletableFuture<ServerProcess>> others =
        IntStream.rangeClosed(2, count)
            .mapToObj(
                n -> CompletableFuture.supplyAsync(() -> instance(work, n, shared, jvmOptions)))
            .toList();
    for (int n = 2; n <= count; n++) {
      instances[n - 1] = others.get(n - 2).join();
    }
    List<Integer> ports = new ArrayList<>();
    for (ServerProcess instance : instances) {
      ports.add(instance.port());
    }
    LoadBalancer balancer = LoadBalancer.haproxy(balancerPort, ports);
    System.out.printf(
        "cluster: PostgreSQL, %d instances and HAProxy up in %.1f s%n",
        count, (System.nanoTime() - start) / 1e9);
    return new Cluster(work, server, database, smtp, instances, balancer);
  }

  private static ServerProcess instance(
      Path work, int n, Map<String, String> env, List<String> jvmOptions) {
    try {
      ServerProcess instance =
          ServerProcess.jar(
              JAR,
              jvmOptions,
              work.resolve("instance-" + n),
              PaperboyIntegrationTest.freePort(),
              env);
      instance.awaitStatus("/actuator/health/readiness", READY_WITHIN);
      return instance;
    } catch (Exception e) {
      throw new IllegalStateException("instance " + n + " did not start", e);
    }
  }

  /** GreenMail logs a line for every new recipient: 10,000 lines for a digest run. */
  private static void quietSmtpLog() {
    if (org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail")
        instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /** How many papers a keyword search for {@code q} finds at {@code base}; 0 when it fails. */
  public static long hits(String base, String q) throws Exception {
    java.net.http.HttpResponse<String> r =
        HTTP.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        base
                            + "/api/search?mode=keyword&size=1&q="
                            + java.net.URLEncoder.encode(
                                q, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(r.body());
    return r.statusCode() == 200 && total.find() ? Long.parseLong(total.group(1)) : 0;
  }

  /** Instance {@code n}, counted from 1 as the balancer's slots are. */
  public ServerProcess instance(int n) {
    return instances[n - 1];
  }

  public int size() {
    return instances.length;
  }

  public String balancer() {
    return balancer.baseUrl();
  }

  public ExternalDatabase.Database database() {
    return database;
  }

  public GreenMail smtp() {
    return smtp;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill(int n) throws InterruptedException {
    instance(n).kill();
  }

  /** Starts instance {@code n} again on its data directory and port, and waits until ready. */
  public void restart(int n) throws Exception {
    instances[n - 1] = instance(n).restart();
    instance(n).awaitStatus("/actuator/health/readiness", READY_WITHIN);
  }

  public Path work() {
    return work;
  }

  @Override
  public void close() throws Exception {
    balancer.close();
    for (ServerProcess instance : instances) {
      instance.close();
    }
    smtp.stop();
    server.close();
    System.out.println("cluster: logs under " + Files.createDirectories(work));
  }
}
