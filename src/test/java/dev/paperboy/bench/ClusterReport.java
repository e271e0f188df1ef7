package dev.paperboy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The multi-instance section that {@code bin/bench --cluster} writes into docs/PERFORMANCE.md and
 * docs/DEPLOY.md, between markers, leaving the rest of each file as it is.
 */
final class ClusterReport {

  static final String BEGIN = "<!-- bin/bench --cluster: begin -->";
  static final String END = "<!-- bin/bench --cluster: end -->";
  private static final MarkedSection SECTION = new MarkedSection(BEGIN, END);

  private ClusterReport() {}

  static String section(
      String command,
      ClusterBench.Options options,
      List<ClusterBench.Throughput> throughput,
      ClusterBench.Lag lag,
      List<ClusterBench.DigestRun> digests,
      List<String> notes) {
    StringBuilder md = new StringBuilder(BEGIN).append('\n');
    md.append(
        f(
            "Measured on %s on this machine (%d cores), each instance `java -Xmx1g -jar"
                + " target/paperboy.jar serve` in its own process, on one PostgreSQL, behind"
                + " HAProxy with deploy/haproxy.cfg; %,d synthetic papers imported through"
                + " instance 1. Made by:%n%n```sh%n%s%n```%n%n",
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            options.papers(),
            command));
    md.append(
        f(
            "**Search through the balancer** (the default hybrid mode, the same 200 queries,"
                + " %d clients, %d s after a 5 s warm-up):%n%n",
            options.clients(), options.load().toSeconds()));
    md.append("| instances | requests/s | p50 ms | p99 ms | failed |\n|---|---|---|---|---|\n");
    throughput.forEach(
        t ->
            md.append(
                f(
                    "| %d | %.0f | %.1f | %.1f | %d |%n",
                    t.instances(), t.perSecond(), t.p50(), t.p99(), t.failed())));
    if (lag != null) {
      md.append(
          f(
              "%n**Index lag** under a steady import (one paper every 500 ms through instance 1,"
                  + " from each import's answer until instance 3 finds it; %d imports): p50 %.0f"
                  + " ms, p99 %.0f ms; not found within 10 s: %d.%n",
              lag.imports(), lag.p50(), lag.p99(), lag.lost()));
    }
    md.append("\n**Digest run** (`POST /admin/digest` on every instance at once):\n\n");
    md.append("| instances | subscribers | seconds | digests per recipient → recipients |\n");
    md.append("|---|---|---|---|\n");
    digests.forEach(
        d ->
            md.append(
                f(
                    "| %d | %,d | %.1f | %s |%n",
                    d.instances(), d.subscribers(), d.seconds(), d.perRecipient())));
    notes.forEach(n -> md.append('\n').append(n).append('\n'));
    return md.append(END).append('\n').toString();
  }

  /** Puts {@code section} in place of the file's previous one, or at its end. */
  static void writeInto(Path file, String section) throws IOException {
    SECTION.writeInto(file, section);
  }

  /** The section as the file holds it now, or nothing: a full run of the suite keeps it. */
  static String existing(Path file) {
    return SECTION.existing(file);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
