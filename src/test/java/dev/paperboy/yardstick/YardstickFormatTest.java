package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader reads the layout and target forms yardstick/README.md describes. */
class YardstickFormatTest {

  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/yardstick-format");

  private final Yardstick yardstick = Yardstick.load(FIXTURE);

  @Test
  void corpusFilesAreReadInNameOrderAndTopicsOfTwoOrThreeDigitsGetArxivIds() {
    assertThat(yardstick.papers())
        .extracting(Yardstick.Paper::id)
        .startsWith("arxiv:2601.00701", "arxiv:2601.00702")
        .contains("arxiv:2601.10706")
        .hasSize(12);
  }

  @Test
  void aTopicMeansTheSameWithTwoOrThreeDigits() {
    Map<String, Integer> threeDigits = query("numbers one to six").grades();
    assertThat(threeDigits).isEqualTo(query("which numbers?").grades());
    assertThat(threeDigits)
        .containsEntry("arxiv:2601.00703", 3)
        .containsEntry("arxiv:2601.00705", 2)
        .containsEntry("arxiv:2601.00706", 1)
        .hasSize(6);
  }

  @Test
  void aTitleTargetMakesItsPaperGradeThreeAndTheRestOfItsTopicGradeOne() {
    assertThat(query("Beta Title").grades())
        .containsEntry("arxiv:2601.10702", 3)
        .containsEntry("arxiv:2601.10701", 1)
        .containsEntry("arxiv:2601.10706", 1)
        .hasSize(6)
        .doesNotContainKey("arxiv:2601.00702");
  }

  @Test
  void anAuthorTargetJudgesThatAuthorsPapers() {
    assertThat(query("Chen").grades())
        .containsOnlyKeys("arxiv:2601.00701", "arxiv:2601.00702", "arxiv:2601.00703");
  }

  @Test
  void eachQueryCarriesThePartItsDirectoryNames() {
    assertThat(yardstick.queries(Yardstick.Split.DEV))
        .extracting(Yardstick.Query::text)
        .containsExactly("numbers one to six", "Chen");
    assertThat(yardstick.queries(Yardstick.Split.TEST))
        .extracting(Yardstick.Query::text)
        .containsExactly("which numbers?", "Beta Title");
  }

  @Test
  void anUnknownKindIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
    copy(dir);
    Files.writeString(dir.resolve("queries/test/q.txt"), "Q|exactish|some words|07\n");
    assertThatThrownBy(() -> Yardstick.load(dir)).hasMessageContaining("Q|exactish|some words|07");
  }

  private Yardstick.Query query(String text) {
    return yardstick.queries().stream()
        .filter(q -> q.text().equals(text))
        .findFirst()
        .orElseThrow();
  }

  private static void copy(Path to) throws IOException {
    for (String file :
        new String[] {"corpus/a.txt", "corpus/b.txt", "queries/dev/q.txt", "queries/test/q.txt"}) {
      Files.createDirectories(to.resolve(file).getParent());
      Files.copy(FIXTURE.resolve(file), to.resolve(file));
    }
  }
}
