package dev.paperboy.search;

import java.util.Arrays;

/**
 * The sentence-embedding models Paperboy can run, each shipped inside a Maven artifact (ONNX file
 * and tokenizer), so nothing is downloaded at run time.
 */
public enum EmbeddingModel {
  /** 384 dimensions, mean pooling; trained on sentence pairs, no query prefix. */
  ALL_MINILM_L6_V2_Q(
      "all-MiniLM-L6-v2-q",
      "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json",
      true,
      "",
      new SimilarityFloors(0.45, 0.15)),
  /** 384 dimensions, [CLS] pooling; queries carry the instruction the model was trained with. */
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      false,
      "Represent this sentence for searching relevant passages: ",
      new SimilarityFloors(0.72, 0.50));

  static final int DIMENSIONS = 384;

  private final String id;
  private final String onnxResource;
  private final String tokenizerResource;
  private final boolean meanPooling;
  private final String queryPrefix;
  private final SimilarityFloors floors;

  EmbeddingModel(
      String id,
      String onnx,
      String tokenizer,
      boolean meanPooling,
      String queryPrefix,
      SimilarityFloors floors) {
    this.id = id;
    this.onnxResource = onnx;
    this.tokenizerResource = tokenizer;
    this.meanPooling = meanPooling;
    this.queryPrefix = queryPrefix;
    this.floors = floors;
  }

  /** The name stored beside each vector, so a model change is noticed. */
  public String id() {
    return id;
  }

  String onnxResource() {
    return onnxResource;
  }

  String tokenizerResource() {
    return tokenizerResource;
  }

  boolean meanPooling() {
    return meanPooling;
  }

  String queryPrefix() {
    return queryPrefix;
  }

  /** What counts as a match in meaning for this model (each has its own scale of cosines). */
  public SimilarityFloors floors() {
    return floors;
  }

  public static EmbeddingModel byId(String id) {
    return Arrays.stream(values())
        .filter(m -> m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown embedding model '"
                        + id
                        + "'; known: "
                        + Arrays.toString(Arrays.stream(values()).map(m -> m.id).toArray())));
  }
}
