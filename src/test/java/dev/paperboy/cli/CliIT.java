package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.ingest.Format;
import dev.paperboy.support.SharedApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands, both on their own (owning the data directory) and beside a running server (which
 * they must go through), with the exit codes the README documents.
 */
class CliIT extends SharedApplicationTest {

  @TempDir Path files;

  private static CliRun cli(Path dataDir, String... args) {
    return CliRun.of(dataDir, args);
  }

  private Path fixture(String name) throws IOException {
    Path target = files.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void importBesideARunningServerGoesThroughItAndShowsAtOnce() throws IOException {
    Path file = files.resolve("served.atom");
    Files.writeString(file, atomFeed("2498.00042v1", "Imported While Serving"));
    CliRun run = cli(DATA_DIR, "import", file.toString());
    assertThat(run.status()).isZero();
    assertThat(run.err()).contains("importing through it");
    assertThat(run.out()).contains("1 new, 0 updated, 0 unchanged, 0 rejected");
    assertThat(
            json("/api/search?q=" + q("imported while serving"))
                .get("results")
                .get(0)
                .get("id")
                .asString())
        .isEqualTo("arxiv:2498.00042");
    CliRun again = cli(DATA_DIR, "import", file.toString());
    assertThat(again.out()).contains("0 new, 0 updated, 1 unchanged, 0 rejected");
  }

  @Test
  void importWithoutEmbeddingsGoesThroughTheServerAndSaysWhatComesNext() throws IOException {
    Path file = files.resolve("bulk.atom");
    Files.writeString(file, atomFeed("2498.00043v1", "Imported In Bulk Without Vectors"));
    CliRun run = cli(DATA_DIR, "import", "--no-embeddings", file.toString());
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("1 new, 0 updated, 0 unchanged, 0 rejected")
        .contains("Imported without embeddings");
    assertThat(
            json("/api/search?mode=keyword&q=" + q("imported in bulk"))
                .get("results")
                .get(0)
                .get("id")
                .asString())
        .isEqualTo("arxiv:2498.00043");
  }

  @Test
  void aCommandsHelpTouchesNoDataDirectory() throws IOException {
    Path dataDir = files.resolve("never-made");
    for (String command : new String[] {"serve", "import", "digest", "sync", "token", "reindex"}) {
      for (String help : new String[] {"--help", "-h"}) {
        CliRun run = cli(dataDir, command, help);
        assertThat(run.status()).as(command + " " + help).isZero();
        assertThat(run.out()).as(command + " " + help).contains("Usage: paperboy", "import FILE");
      }
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void importWithoutAServerOwnsTheDataDirectoryAndIsIdempotent() throws IOException {
    Path dataDir = Files.createTempDirectory("paperboy-cli-");
    Path atom = fixture("arxiv-api.atom");
    Path jsonl = fixture("papers.jsonl");
    CliRun first = cli(dataDir, "import", atom.toString(), jsonl.toString());
    assertThat(first.status()).as("two records rejected, the rest imported").isEqualTo(1);
    assertThat(first.out())
        .contains(
            "arxiv-api.atom (arXiv API Atom feed): 3 new, 0 updated, 0 unchanged," + " 0 rejected")
        .contains("papers.jsonl: line 3: not valid JSON: ")
        .contains("total: 6 new, 0 updated, 0 unchanged, 2 rejected");
    CliRun second = cli(dataDir, "import", atom.toString());
    assertThat(second.status()).isZero();
    assertThat(second.out()).contains("0 new, 0 updated, 3 unchanged, 0 rejected");
    CliRun reindex = cli(dataDir, "reindex");
    assertThat(reindex.out()).contains("reindexed 6 papers");
  }

  @Test
  void aMissingFileOrCommandIsAClearErrorNotAStackTrace() {
    CliRun missing = cli(DATA_DIR, "import", files.resolve("nope.atom").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").doesNotContain("Exception");
    CliRun none = cli(DATA_DIR, "import");
    assertThat(none.status()).isEqualTo(2);
    CliRun option = cli(DATA_DIR, "import", "--fast", files.resolve("nope.atom").toString());
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err()).contains("unknown option --fast", "--no-embeddings");
    CliRun unknown = cli(DATA_DIR, "frobnicate");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command 'frobnicate'", "Usage:");
  }

  @Test
  void aDirectoryImportsEveryFileInNameOrderAndSkipsHiddenFilesAndSubdirectories()
      throws IOException {
    Path dir = Files.createDirectories(files.resolve("downloads"));
    Files.writeString(dir.resolve("b.atom"), atomFeed("2498.00102v1", "Second By Name"));
    Files.writeString(dir.resolve("a.atom"), atomFeed("2498.00101v1", "First By Name"));
    Files.writeString(dir.resolve(".hidden.atom"), atomFeed("2498.00103v1", "Hidden Away"));
    Path nested = Files.createDirectories(dir.resolve("nested"));
    Files.writeString(nested.resolve("c.atom"), atomFeed("2498.00104v1", "Nested Away"));

    CliRun run = cli(DATA_DIR, "import", dir.toString());

    assertThat(run.status()).isZero();
    assertThat(run.err()).doesNotContain("cannot reach");
    assertThat(run.out())
        .containsSubsequence("a.atom (arXiv API Atom feed): 1 new", "b.atom (arXiv API Atom feed)")
        .contains("total: 2 new, 0 updated, 0 unchanged, 0 rejected, in 2 files")
        .doesNotContain("hidden", "nested");
  }

  @Test
  void anEmptyDirectoryIsOneClearRefusal() throws IOException {
    Path empty = Files.createDirectories(files.resolve("empty"));
    Files.writeString(empty.resolve(".DS_Store"), "not a paper");
    CliRun run = cli(DATA_DIR, "import", empty.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("has no files to import")
        .doesNotContain("Exception", "cannot reach");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theExitCodeSaysWhetherAllSomeOrNoneOfTheRecordsImported() throws IOException {
    Path good = files.resolve("good.atom");
    Files.writeString(good, atomFeed("2498.00111v1", "Exit Codes Tell Scripts"));
    Path unknown = files.resolve("notes.txt");
    Files.writeString(unknown, "a shopping list, not papers\n");
    Path allBad = files.resolve("all-bad.jsonl");
    Files.writeString(allBad, "{\"title\": \"no id\"\n{broken\n");

    assertThat(cli(DATA_DIR, "import", good.toString()).status()).as("all imported").isZero();
    assertThat(cli(DATA_DIR, "import", good.toString()).status()).as("all unchanged").isZero();
    assertThat(cli(DATA_DIR, "import", good.toString(), unknown.toString()).status())
        .as("one file of two in an unknown format")
        .isEqualTo(1);
    CliRun none = cli(DATA_DIR, "import", unknown.toString(), allBad.toString());
    assertThat(none.status()).as("nothing importable").isEqualTo(3);
    assertThat(none.err()).doesNotContain("cannot reach");
  }

  @Test
  void aFileThatFailsWhileBeingReadIsReportedAsUnreadableNotAsAnUnreachableServer()
      throws IOException {
    // reading /proc/self/mem at offset 0 fails with an I/O error on Linux: a file that opens
    // but cannot be read, as a failing disk or a vanished network mount would be
    Path broken = Path.of("/proc/self/mem");
    assumeTrue(Files.isReadable(broken), "needs Linux /proc");
    Path good = files.resolve("readable.atom");
    Files.writeString(good, atomFeed("2498.00121v1", "Readable Beside Unreadable"));

    CliRun run = cli(DATA_DIR, "import", broken.toString(), good.toString());

    assertThat(run.out())
        .contains("/proc/self/mem: cannot read it")
        .contains("1 of them unreadable");
    assertThat(run.err()).doesNotContain("cannot reach", "Exception");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryNamesTheOwnerAndStops() {
    CliRun second = cli(DATA_DIR, "serve");
    assertThat(second.status()).isEqualTo(3);
    assertThat(second.err())
        .contains("pid " + ProcessHandle.current().pid(), "port " + port, "serve --wait")
        .doesNotContain("Exception");
  }

  @Test
  void serveOnAPortInUseSaysSoInOneLineAndDoesNothing() {
    CliRun run = cli(files.resolve("other-data"), "serve", "--server.port=" + port);
    assertThat(run.status()).isEqualTo(3);
    assertThat(run.err().strip())
        .isEqualTo("paperboy serve: port " + port + " is in use: set PAPERBOY_PORT");
  }

  @Test
  void helpNamesEveryImportFormatAndCompression() {
    CliRun run = cli(DATA_DIR, "help");
    assertThat(run.status()).isZero();
    String help = run.out().replaceAll("\\s+", " ");
    assertThat(help).contains("gzip", "bzip2", "xz", "directory");
    for (Format format : Format.values()) {
      assertThat(help).contains(format.label());
    }
    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(100));
  }

  @Test
  void syncOfAnUnknownSourceListsEveryKnownSource() {
    CliRun run = cli(DATA_DIR, "sync", "bogus");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown source 'bogus'")
        .contains("arxiv, arxiv-rss, huggingface, arxiv-api");
  }

  @Test
  void digestPreviewPrintsTextAndWritesHtmlOnlyWhereAsked() throws IOException {
    importText(
        "today.jsonl",
        "{\"id\": \"2498.00131\", \"title\": \"A Letter Worth Previewing\", \"abstract\":"
            + " \"Fresh today.\", \"authors\": [\"Pre View\"], \"categories\": [\"cs.DL\"],"
            + " \"published\": \""
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            + "\"}\n");
    String email = "preview-" + System.nanoTime() + "@example.org";
    signIn(email);
    Path defaultHtml = Path.of("digest-preview.html").toAbsolutePath();
    Files.deleteIfExists(defaultHtml);

    CliRun text = cli(DATA_DIR, "digest", "--preview", email);
    assertThat(text.status()).isZero();
    assertThat(text.out()).startsWith("Subject: ");
    assertThat(defaultHtml).doesNotExist();

    Path html = files.resolve("letter.html");
    CliRun both = cli(DATA_DIR, "digest", "--preview", email, "--html", html.toString());
    assertThat(both.status()).isZero();
    assertThat(both.err()).contains("HTML version written to " + html);
    assertThat(Files.readString(html)).containsIgnoringCase("<html");
    assertThat(defaultHtml).doesNotExist();
  }
}
