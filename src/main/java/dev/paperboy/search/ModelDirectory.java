package dev.paperboy.search;

import dev.paperboy.runtime.InvalidSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A sentence-embedding model an operator brought in a local directory ({@code
 * PAPERBOY_EMBEDDING_MODEL_DIR}): {@code model.onnx}, {@code tokenizer.json}, and optionally {@code
 * paperboy-model.properties} saying how to use them (see {@link #SETTINGS}). The model's id carries
 * a fingerprint of {@code model.onnx}, so replacing the file is noticed like a change of name, and
 * the papers are embedded anew.
 */
final class ModelDirectory {

  static final String ONNX = "model.onnx";
  static final String TOKENIZER = "tokenizer.json";

  /**
   * Keys: {@code name} (default: the directory's name), {@code pooling} ({@code mean} or {@code
   * cls}; default: what a sentence-transformers {@code 1_Pooling/config.json} says, else mean),
   * {@code query-prefix}, {@code passage-prefix} (default none; trailing spaces count), {@code
   * max-tokens} (default 128), {@code nearest-floor} and {@code match-floor} (cosines; see
   * docs/SEARCH.md), {@code related-floor} (the cosine to a reader's own paper below which For you
   * recommends nothing; default none, see docs/RELEVANCE.md).
   */
  static final String SETTINGS = "paperboy-model.properties";

  /**
   * Without floors, the model's scale of cosines is unknown: every neighbour counts as a match, and
   * a query means something only when some of its words are in the catalog.
   */
  static final SimilarityFloors UNKNOWN_SCALE = new SimilarityFloors(1.0, -1.0);

  private ModelDirectory() {}

  static EmbeddingModel read(Path dir) {
    Path onnx = dir.resolve(ONNX);
    Path tokenizer = dir.resolve(TOKENIZER);
    for (Path required : new Path[] {onnx, tokenizer}) {
      if (!Files.isRegularFile(required)) {
        throw new InvalidSetting(
            "the embedding model directory " + dir + " has no " + required.getFileName());
      }
    }
    Properties settings = settings(dir.resolve(SETTINGS));
    String name = settings.getProperty("name", dir.toAbsolutePath().normalize().getFileName() + "");
    return new EmbeddingModel(
        name + "@" + fingerprint(onnx),
        new Local(onnx, tokenizer),
        meanPooling(settings.getProperty("pooling"), dir),
        settings.getProperty("query-prefix", ""),
        settings.getProperty("passage-prefix", ""),
        Integer.parseInt(settings.getProperty("max-tokens", "128").strip()),
        floors(settings));
  }

  private static Properties settings(Path file) {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return p;
  }

  private static boolean meanPooling(String pooling, Path dir) {
    if (pooling == null) {
      return !sentenceTransformersSaysCls(dir.resolve("1_Pooling/config.json"));
    }
    return switch (pooling.strip().toLowerCase(Locale.ROOT)) {
      case "mean" -> true;
      case "cls" -> false;
      default ->
          throw new IllegalStateException(
              "pooling in " + SETTINGS + " must be mean or cls, not '" + pooling + "'");
    };
  }

  private static boolean sentenceTransformersSaysCls(Path config) {
    try {
      return Files.isRegularFile(config)
          && Files.readString(config)
              .replaceAll("\\s", "")
              .contains("\"pooling_mode_cls_token\":true");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    }
  }

  private static SimilarityFloors floors(Properties settings) {
    String nearest = settings.getProperty("nearest-floor");
    String match = settings.getProperty("match-floor");
    String related = settings.getProperty("related-floor");
    double paperToPaper =
        related == null ? SimilarityFloors.UNKNOWN : Double.parseDouble(related.strip());
    if (nearest == null || match == null) {
      return new SimilarityFloors(UNKNOWN_SCALE.nearest(), UNKNOWN_SCALE.match(), paperToPaper);
    }
    return new SimilarityFloors(
        Double.parseDouble(nearest.strip()), Double.parseDouble(match.strip()), paperToPaper);
  }

  /** The first 48 bits of the file's SHA-256. */
  static String fingerprint(Path file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model's files in the operator's directory. */
  record Local(Path onnxFile, Path tokenizerFile) implements EmbeddingModel.Files {
    @Override
    public InputStream onnx() throws IOException {
      return Files.newInputStream(onnxFile);
    }

    @Override
    public InputStream tokenizer() throws IOException {
      return Files.newInputStream(tokenizerFile);
    }
  }
}
