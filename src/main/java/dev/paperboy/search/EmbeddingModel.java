package dev.paperboy.search;

import dev.paperboy.runtime.InvalidSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A sentence-embedding model Paperboy can run: its ONNX file and tokenizer, how its token vectors
 * become one vector, the prefixes it was trained with, and its scale of similarities. Two ship
 * inside Maven artifacts, so nothing is downloaded at run time; any other is read from a local
 * directory ({@link ModelDirectory}).
 *
 * @param id the name stored beside each vector, so that a change of model is noticed
 * @param files where the model's two files are read from
 * @param meanPooling the mean of the token vectors; otherwise the first ([CLS]) token's
 * @param queryPrefix put before a query (an instruction, or "query: ")
 * @param passagePrefix put before a paper's text ("passage: " for e5)
 * @param maxTokens text past this many tokens is cut, unless the operator says otherwise
 * @param floors what counts as a match in meaning (each model has its own scale of cosines)
 */
public record EmbeddingModel(
    String id,
    Files files,
    boolean meanPooling,
    String queryPrefix,
    String passagePrefix,
    int maxTokens,
    SimilarityFloors floors) {

  /** The instruction bge's English models were trained to see before a query. */
  static final String BGE_QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  /** 384 dimensions, mean pooling; trained on sentence pairs, no query prefix. */
  public static final EmbeddingModel ALL_MINILM_L6_V2_Q =
      new EmbeddingModel(
          "all-MiniLM-L6-v2-q",
          new Classpath("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json"),
          true,
          "",
          "",
          128,
          new SimilarityFloors(0.45, 0.15, 0.20));

  /** 384 dimensions, [CLS] pooling; queries carry the instruction the model was trained with. */
  public static final EmbeddingModel BGE_SMALL_EN_V15_Q =
      new EmbeddingModel(
          "bge-small-en-v1.5-q",
          new Classpath("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json"),
          false,
          BGE_QUERY_INSTRUCTION,
          "",
          128,
          new SimilarityFloors(0.72, 0.50));

  public EmbeddingModel {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(files, "files == null");
    queryPrefix = queryPrefix == null ? "" : queryPrefix;
    passagePrefix = passagePrefix == null ? "" : passagePrefix;
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
    }
    Objects.requireNonNull(floors, "floors == null");
  }

  /** The models that ship inside the jar. */
  public static List<EmbeddingModel> builtIn() {
    return List.of(ALL_MINILM_L6_V2_Q, BGE_SMALL_EN_V15_Q);
  }

  public static EmbeddingModel byId(String id) {
    return builtIn().stream()
        .filter(m -> m.id.equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidSetting(
                    "unknown embedding model '"
                        + id
                        + "'; known: "
                        + builtIn().stream().map(EmbeddingModel::id).toList()
                        + ", or a directory in PAPERBOY_EMBEDDING_MODEL_DIR"));
  }

  @Override
  public String toString() {
    return id;
  }

  /** Where a model's ONNX file and tokenizer (Hugging Face tokenizer.json) are read from. */
  public interface Files {
    InputStream onnx() throws IOException;

    InputStream tokenizer() throws IOException;
  }

  /** Files inside a jar on the classpath. */
  record Classpath(String onnxResource, String tokenizerResource) implements Files {
    @Override
    public InputStream onnx() {
      return resource(onnxResource);
    }

    @Override
    public InputStream tokenizer() {
      return resource(tokenizerResource);
    }

    private static InputStream resource(String name) {
      InputStream in = EmbeddingModel.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("model file " + name + " is not on the classpath"));
      }
      return in;
    }
  }
}
