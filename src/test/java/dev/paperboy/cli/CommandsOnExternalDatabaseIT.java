package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.ExternalDatabase;
import dev.paperboy.support.StartedApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On an external database, operator commands act on the database itself: beside an instance that
 * owns this machine's data directory they neither wait for its lock nor go through it.
 */
class CommandsOnExternalDatabaseIT {

  static ExternalDatabase database;
  static ExternalDatabase.Database url;
  static StartedApplication instance;
  static JdbcClient jdbc;

  @TempDir Path files;

  @BeforeAll
  static void start() {
    database = ExternalDatabase.start();
    url = database.create("commands");
    instance = StartedApplication.with(url.settings().toArray(String[]::new));
    jdbc = instance.bean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    instance.close();
    database.close();
  }

  /** A command run on the running instance's own data directory, the case most likely to clash. */
  private static CliRun command(List<String> settings, String... args) {
    return CliRun.on(instance.dataDirectory(), settings, true, args);
  }

  @Test
  void importBesideARunningInstanceWritesTheDatabaseDirectly() throws IOException {
    Path file = files.resolve("external.atom");
    Files.writeString(file, atomFeed("2499.00101v1", "Imported Into The Shared Catalog"));

    CliRun run = command(url.settings(), "import", file.toString());

    assertThat(run.status()).isZero();
    assertThat(run.err()).doesNotContain("through it");
    assertThat(run.out()).contains("1 new, 0 updated, 0 unchanged, 0 rejected");
    assertThat(
            jdbc.sql("select title from paper where id = 'arxiv:2499.00101'")
                .query(String.class)
                .single())
        .isEqualTo("Imported Into The Shared Catalog");
  }

  /** The instance's index follows the catalog: nobody tells it about the import. */
  @Test
  void aPaperImportedOnTheDatabaseIsFoundOnTheRunningInstance() throws Exception {
    Path file = files.resolve("followed.atom");
    Files.writeString(file, atomFeed("2499.00102v1", "Quokkas Followed Into The Index"));

    assertThat(command(url.settings(), "import", file.toString()).status()).isZero();

    assertThat(eventually(() -> search("quokkas").contains("arxiv:2499.00102"), 5_000)).isTrue();
  }

  @Test
  void reindexAsksEveryInstanceThroughTheDatabaseAndTheInstanceRebuildsBesideItsIndex()
      throws Exception {
    Path pointer = instance.dataDirectory().liveIndex();
    assertThat(pointer).doesNotExist();

    CliRun run = command(url.settings(), "reindex");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("reindex requested");
    assertThat(eventually(() -> Files.exists(pointer), 60_000))
        .as("the instance swapped in a new index")
        .isTrue();
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static String search(String words) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create(instance.baseUrl() + "/api/search?mode=keyword&q=" + words))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void digestRunsOnTheDatabaseNotThroughTheInstance() {
    jdbc.sql(
            "insert into subscriber (email, email_key, status, digest, confirmed_at) values"
                + " ('cli@example.org', 'cli@example.org', 'confirmed', true, now())"
                + " on conflict do nothing")
        .update();

    CliRun run = command(url.settings(), "digest", "--run-now");

    assertThat(run.status()).isZero();
    assertThat(run.err()).doesNotContain("composing through it");
    assertThat(run.out()).contains("digests queued");
  }

  @Test
  void anOperatorLinkMadeInTheDatabaseSignsInAtTheInstanceOnce() throws Exception {
    CliRun run = command(url.settings(), "operator-link");

    assertThat(run.status()).isZero();
    Matcher code = Pattern.compile("/operator/signin\\?code=(\\S+)").matcher(run.out());
    assertThat(code.find()).as(run.out()).isTrue();
    HttpRequest signIn =
        HttpRequest.newBuilder(
                URI.create(instance.baseUrl() + "/operator/signin?code=" + code.group(1)))
            .build();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> first = http.send(signIn, HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("pb_operator="));
    assertThat(http.send(signIn, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);
  }

  @Test
  void aCommandWithoutTheSharedSecretStopsWithOneLineSayingWhatToSet() {
    List<String> withoutSecret =
        url.settings().stream().filter(s -> !s.startsWith("paperboy.secret=")).toList();

    CliRun run = command(withoutSecret, "digest", "--run-now");

    assertThat(run.status()).isEqualTo(ExitStatus.NOTHING.code);
    assertThat(run.err()).startsWith("paperboy digest: PAPERBOY_SECRET is not set");
  }

  /** A one-entry arXiv Atom feed, published today. */
  private static String atomFeed(String id, String title) {
    return "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>http://arxiv.org/abs/"
        + id
        + "</id><published>"
        + LocalDate.now(ZoneOffset.UTC)
        + "T00:00:00Z</published><title>"
        + title
        + "</title><summary>An abstract.</summary><author><name>Op Erator</name></author>"
        + "<category term='cs.DL'/></entry></feed>";
  }
}
