package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.runtime.DataDirectory;
import dev.paperboy.support.SharedApplicationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code import} and {@code reindex} commands, both on their own (owning the data directory)
 * and beside a running server (which they must go through).
 */
class CliIT extends SharedApplicationTest {

  @TempDir Path files;

  private record Run(int status, String out, String err) {}

  private Run cli(Path dataDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                PaperboyApplication.class,
                new DataDirectory(dataDir))
            .run(args);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
    Run run = cli(DATA_DIR, "import", file.toString());
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
    Run again = cli(DATA_DIR, "import", file.toString());
    assertThat(again.out()).contains("0 new, 0 updated, 1 unchanged, 0 rejected");
  }

  @Test
  void importWithoutEmbeddingsGoesThroughTheServerAndSaysWhatComesNext() throws IOException {
    Path file = files.resolve("bulk.atom");
    Files.writeString(file, atomFeed("2498.00043v1", "Imported In Bulk Without Vectors"));
    Run run = cli(DATA_DIR, "import", "--no-embeddings", file.toString());
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
  void importWithoutAServerOwnsTheDataDirectoryAndIsIdempotent() throws IOException {
    Path dataDir = Files.createTempDirectory("paperboy-cli-");
    Path atom = fixture("arxiv-api.atom");
    Path jsonl = fixture("papers.jsonl");
    Run first = cli(dataDir, "import", atom.toString(), jsonl.toString());
    assertThat(first.status()).isZero();
    assertThat(first.out())
        .contains(
            "arxiv-api.atom (arXiv API Atom feed): 3 new, 0 updated, 0 unchanged," + " 0 rejected")
        .contains("papers.jsonl: line 3: not valid JSON: ")
        .contains("total: 6 new, 0 updated, 0 unchanged, 2 rejected");
    Run second = cli(dataDir, "import", atom.toString());
    assertThat(second.out()).contains("0 new, 0 updated, 3 unchanged, 0 rejected");
    Run reindex = cli(dataDir, "reindex");
    assertThat(reindex.out()).contains("reindexed 6 papers");
  }

  @Test
  void aMissingFileOrCommandIsAClearErrorNotAStackTrace() {
    Run missing = cli(DATA_DIR, "import", files.resolve("nope.atom").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").doesNotContain("Exception");
    Run none = cli(DATA_DIR, "import");
    assertThat(none.status()).isEqualTo(2);
    Run option = cli(DATA_DIR, "import", "--fast", files.resolve("nope.atom").toString());
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err()).contains("unknown option --fast", "--no-embeddings");
    Run unknown = cli(DATA_DIR, "frobnicate");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command 'frobnicate'", "Usage:");
  }
}
