package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy running the committed {@code deploy/haproxy.cfg} unchanged, as a child process
 * in the foreground on a free loopback port; the instances' addresses reach it through the
 * environment, as the file says. {@code bin/test} installs haproxy when it is missing.
 */
public final class LoadBalancer implements AutoCloseable {

  /** The committed configuration, relative to the project (where Maven and bin/bench run). */
  public static final Path CONFIG = Path.of("deploy/haproxy.cfg");

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  /** The slots the configuration has: PAPERBOY_1 to PAPERBOY_3. */
  public static final int SLOTS = 3;

  /** The active health check's timing, as the configuration sets it. */
  public record HealthCheck(Duration inter, int fall, int rise) {

    /** How long after an instance dies the balancer has certainly stopped sending to it. */
    public Duration noticesDeathWithin() {
      return inter.multipliedBy(fall);
    }

    /** How long after an instance is ready again the balancer has certainly taken it back. */
    public Duration noticesReadyWithin() {
      return inter.multipliedBy(rise);
    }
  }

  private final Process process;
  private final int port;
  private final Path log;

  private LoadBalancer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * HAProxy in front of instances on these loopback ports (at most {@link #SLOTS}); a slot without
   * an instance points at a port nobody listens on, which the health check takes out.
   */
  public static LoadBalancer haproxy(int port, List<Integer> instancePorts) {
    requireHaproxy();
    if (instancePorts.size() > SLOTS) {
      throw new IllegalArgumentException("instancePorts: at most " + SLOTS);
    }
    try {
      Path log = Files.createTempFile("paperboy-haproxy-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(List.of(HAPROXY.toString(), "-db", "-f", CONFIG.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("PAPERBOY_LISTEN", "127.0.0.1:" + port);
      for (int slot = 1; slot <= SLOTS; slot++) {
        int target =
            slot <= instancePorts.size()
                ? instancePorts.get(slot - 1)
                : PaperboyIntegrationTest.freePort();
        builder.environment().put("PAPERBOY_" + slot, "127.0.0.1:" + target);
      }
      LoadBalancer balancer = new LoadBalancer(builder.start(), port, log);
      ReverseProxy.awaitListening(balancer.process, port, log, "haproxy");
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * In CI a missing haproxy is a failure (bin/test installs it); elsewhere the test is skipped,
   * saying why.
   */
  public static void requireHaproxy() {
    String missing = HAPROXY + " is missing: bin/test installs it (apt-get install haproxy)";
    if (!Files.isExecutable(HAPROXY)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(missing);
      }
      Assumptions.abort(missing);
    }
  }

  /** The {@code inter}, {@code fall} and {@code rise} of the committed configuration. */
  public static HealthCheck healthCheck() {
    try {
      String config = Files.readString(CONFIG);
      Matcher m =
          Pattern.compile("default-server check inter (\\d+)(ms|s) fall (\\d+) rise (\\d+)")
              .matcher(config);
      if (!m.find()) {
        throw new IllegalStateException(CONFIG + " has no default-server check line");
      }
      long inter = Long.parseLong(m.group(1));
      return new HealthCheck(
          m.group(2).equals("s") ? Duration.ofSeconds(inter) : Duration.ofMillis(inter),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
