package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.sources.Source;
import dev.paperboy.support.PaperboyIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code sync} when no source can be reached (every URL is a closed loopback port): one line per
 * source, the same with and without a running server, after one try each.
 */
class SyncCommandIT extends PaperboyIntegrationTest {

  static final Path OWN_DATA = tempDir();
  static final String CLOSED = "http://127.0.0.1:" + freePort();

  /** Every source at a port nobody listens on; retries quick, so a slip would show as a count. */
  static final Map<String, String> UNREACHABLE =
      Map.of(
          "paperboy.sources.arxiv-oai-url",
          CLOSED + "/oai",
          "paperboy.sources.arxiv-api-url",
          CLOSED + "/api/query",
          "paperboy.sources.arxiv-rss-url",
          CLOSED + "/rss",
          "paperboy.sources.hf-api-url",
          CLOSED + "/hf",
          "paperboy.sources.categories",
          "cs.CL",
          "paperboy.sources.attempts",
          "3",
          "paperboy.sources.backoff",
          "20ms",
          "paperboy.sources.arxiv-interval",
          "10ms");

  @DynamicPropertySource
  static void unreachableSources(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
    UNREACHABLE.forEach((name, value) -> registry.add(name, () -> value));
  }

  @Autowired MeterRegistry meters;

  private record Run(int status, String out, List<String> sourceLines) {}

  private Run sync(Path dataDir, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "sync";
    System.arraycopy(args, 0, command, 1, args.length);
    CliRun run = CliRun.of(dataDir, command);
    List<String> lines = run.err().lines().filter(l -> l.startsWith("paperboy sync ")).toList();
    return new Run(run.status(), run.out(), lines);
  }

  private double requests(Source source) {
    var counter = meters.find("paperboy.source.requests").tag("source", source.id()).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void throughTheServerEverySourceIsReportedInOneLineAfterOneTry() {
    double arxiv = requests(Source.ARXIV);
    double rss = requests(Source.ARXIV_RSS);
    double hf = requests(Source.HUGGING_FACE);

    Run run = sync(OWN_DATA);

    assertThat(run.status()).as("nothing could be synced").isEqualTo(3);
    assertThat(run.sourceLines())
        .hasSize(3)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("cannot reach " + CLOSED.substring("http://".length()))
                    .contains("connection refused")
                    .doesNotContain("502", "{", "tries", "Exception"));
    assertThat(run.sourceLines().get(0)).startsWith("paperboy sync arxiv: ");
    assertThat(run.sourceLines().get(1)).startsWith("paperboy sync arxiv-rss: ");
    assertThat(run.sourceLines().get(2)).startsWith("paperboy sync huggingface: ");
    assertThat(requests(Source.ARXIV) - arxiv).isEqualTo(1);
    assertThat(requests(Source.ARXIV_RSS) - rss).isEqualTo(1);
    assertThat(requests(Source.HUGGING_FACE) - hf).isEqualTo(1);
  }

  @Test
  void withoutAServerTheOutputIsTheSameAsThroughOne() {
    Run served = sync(OWN_DATA, "huggingface");
    UNREACHABLE.forEach(System::setProperty);
    try {
      Run alone = sync(tempDir(), "huggingface");
      assertThat(alone.status()).isEqualTo(served.status()).isEqualTo(3);
      assertThat(alone.sourceLines()).isEqualTo(served.sourceLines()).hasSize(1);
    } finally {
      UNREACHABLE.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void everyNamedSourceIsSyncedInTheOrderGiven() {
    double arxiv = requests(Source.ARXIV);

    Run run = sync(OWN_DATA, "huggingface", "arxiv-rss");

    assertThat(run.status()).isEqualTo(3);
    assertThat(run.sourceLines()).hasSize(2);
    assertThat(run.sourceLines().get(0)).startsWith("paperboy sync huggingface: ");
    assertThat(run.sourceLines().get(1)).startsWith("paperboy sync arxiv-rss: ");
    assertThat(requests(Source.ARXIV)).as("not named, not run").isEqualTo(arxiv);
  }

  @Test
  void anUnknownNameAnywhereIsRefusedBeforeAnythingRuns() {
    double hf = requests(Source.HUGGING_FACE);

    CliRun run = CliRun.of(OWN_DATA, "sync", "huggingface", "bogus");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown source 'bogus'", "arxiv, arxiv-rss, huggingface, arxiv-api")
        .doesNotContain("paperboy sync huggingface");
    assertThat(requests(Source.HUGGING_FACE)).isEqualTo(hf);
  }
}
