package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

  @TempDir Path temp;

  @Test
  void aModelBroughtInADirectoryEmbedsLikeTheSameModelShippedInTheJar() throws Exception {
    EmbeddingModel fromDirectory = ModelDirectory.read(ModelDirectoryFixture.bgeSmall(temp));
    List<String> texts = List.of("Sparse attention for long documents.", "Glaciers in the Alps.");
    try (Embedder shipped = new Embedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, 128, 8, 1);
        Embedder brought = new Embedder(fromDirectory, fromDirectory.maxTokens(), 8, 1)) {
      for (int i = 0; i < texts.size(); i++) {
        assertThat(EmbedderTest.dot(shipped.embed(texts).get(i), brought.embed(texts).get(i)))
            .isGreaterThan(0.9999);
      }
      assertThat(
              EmbedderTest.dot(
                  shipped.embedQuery("long inputs"), brought.embedQuery("long inputs")))
          .isGreaterThan(0.9999);
    }
    assertThat(fromDirectory.floors()).isEqualTo(new SimilarityFloors(0.72, 0.50));
  }

  @Test
  void replacingTheOnnxFileChangesTheModelsIdSoPapersAreEmbeddedAnew() throws Exception {
    Path dir = ModelDirectoryFixture.copy(EmbeddingModel.ALL_MINILM_L6_V2_Q, temp, "name=mine\n");
    String before = ModelDirectory.read(dir).id();
    try (var other = EmbeddingModel.BGE_SMALL_EN_V15_Q.files().onnx()) {
      Files.copy(
          other,
          dir.resolve(ModelDirectory.ONNX),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String after = ModelDirectory.read(dir).id();
    assertThat(before).startsWith("mine@");
    assertThat(after).startsWith("mine@").isNotEqualTo(before);
  }

  @Test
  void prefixesKeepTheirTrailingSpaceAndUnsaidSettingsHaveDefaults() throws Exception {
    Path dir = placeholderModel(temp.resolve("e5-like"));
    Files.writeString(
        dir.resolve(ModelDirectory.SETTINGS), "query-prefix=query: \npassage-prefix=passage: \n");
    EmbeddingModel model = ModelDirectory.read(dir);
    assertThat(model.queryPrefix()).isEqualTo("query: ");
    assertThat(model.passagePrefix()).isEqualTo("passage: ");
    assertThat(model.id()).startsWith("e5-like@");
    assertThat(model.meanPooling()).isTrue();
    assertThat(model.maxTokens()).isEqualTo(128);
    assertThat(model.floors()).isEqualTo(ModelDirectory.UNKNOWN_SCALE);
  }

  @Test
  void withoutASettingThePoolingIsWhatTheSentenceTransformersConfigSays() throws Exception {
    Path dir = placeholderModel(temp.resolve("cls"));
    Files.createDirectories(dir.resolve("1_Pooling"));
    Files.writeString(
        dir.resolve("1_Pooling/config.json"),
        "{\"word_embedding_dimension\": 768, \"pooling_mode_cls_token\": true,"
            + " \"pooling_mode_mean_tokens\": false}");
    assertThat(ModelDirectory.read(dir).meanPooling()).isFalse();
  }

  @Test
  void aDirectoryWithoutItsTokenizerIsRefusedNamingTheMissingFile() throws Exception {
    Path dir = placeholderModel(temp.resolve("half"));
    Files.delete(dir.resolve(ModelDirectory.TOKENIZER));
    assertThatThrownBy(() -> ModelDirectory.read(dir))
        .hasMessageContaining("tokenizer.json")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void anUnknownPoolingIsRefused() throws Exception {
    Path dir = placeholderModel(temp.resolve("odd"));
    Files.writeString(dir.resolve(ModelDirectory.SETTINGS), "pooling=max\n");
    assertThatThrownBy(() -> ModelDirectory.read(dir)).hasMessageContaining("'max'");
  }

  /** Reading a directory does not load the model, so these files need not be a real one. */
  private static Path placeholderModel(Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ModelDirectory.ONNX), "not really a model");
    Files.writeString(dir.resolve(ModelDirectory.TOKENIZER), "{}");
    return dir;
  }
}
