package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.runtime.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's unusable setting is said in one line with exit status 3, as the README promises,
 * not in a page of Spring's stack trace; {@code eval}'s own options are answered as usage.
 */
class BadSettingsIT {

  @TempDir Path data;
  @TempDir Path models;

  @Test
  void anEmbeddingModelThatCannotBeUsedIsOneLineAndStatusThree() throws Exception {
    Path empty = Files.createDirectories(models.resolve("empty"));
    Path corrupt = Files.createDirectories(models.resolve("corrupt"));
    Files.writeString(corrupt.resolve("model.onnx"), "not a model");
    Files.writeString(corrupt.resolve("tokenizer.json"), "{}");
    List<List<String>> settings =
        List.of(
            List.of("paperboy.search.model-dir=" + models.resolve("nowhere")),
            List.of("paperboy.search.model-dir=" + empty),
            List.of("paperboy.search.model-dir=" + corrupt),
            List.of("paperboy.search.model=bge-small"));
    List<String> said = List.of("has no model.onnx", "has no model.onnx", "cannot load", "unknown");
    for (int i = 0; i < settings.size(); i++) {
      CliRun run = CliRun.on(new DataDirectory(data), settings.get(i), false, "reindex");
      assertThat(run.status()).as(settings.get(i).toString()).isEqualTo(3);
      assertThat(run.err().strip().lines().filter(l -> l.startsWith("paperboy reindex: ")))
          .singleElement()
          .asString()
          .contains(said.get(i));
      assertThat(run.err()).doesNotContain("\tat ", "UnsatisfiedDependencyException");
    }
  }

  @Test
  void evalAnswersHelpAndRefusesWhatItDoesNotKnow() {
    CliRun help = CliRun.of(data, "eval", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--model-dir DIR", "--as-typed");
    CliRun bogus = CliRun.of(data, "eval", "--bogus");
    assertThat(bogus.status()).isEqualTo(2);
    assertThat(bogus.err()).contains("unknown option --bogus");
    CliRun nowhere = CliRun.of(data, "eval", "--model-dir", data.resolve("none").toString());
    assertThat(nowhere.status()).isEqualTo(2);
    assertThat(nowhere.err()).contains("no model directory");
    CliRun noYardstick = CliRun.of(data, "eval", data.resolve("nothing").toString());
    assertThat(noYardstick.status()).isEqualTo(2);
    assertThat(noYardstick.err()).contains("no yardstick in");
  }
}
