package dev.paperboy.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How meaning-based search runs ({@code paperboy.search.*}).
 *
 * @param model the id of a built-in embedding model (see {@link EmbeddingModel#builtIn})
 * @param modelDir a local model directory ({@link ModelDirectory}); when set, it wins over {@code
 *     model}
 * @param maxTokens text past this many tokens is not embedded; 0 for the model's own default
 * @param batchSize texts per model call
 * @param threads batches embedded at once; 0 means one per core
 * @param backfill whether a server embeds, in the background, papers imported without vectors
 * @param floors what counts as a match in meaning; null for the model's own ({@link
 *     EmbeddingModel#floors})
 */
@ConfigurationProperties("paperboy.search")
public record SearchSettings(
    String model,
    String modelDir,
    int maxTokens,
    int batchSize,
    int threads,
    Boolean backfill,
    SimilarityFloors floors) {

  public SearchSettings {
    model = model == null || model.isBlank() ? EmbeddingModel.ALL_MINILM_L6_V2_Q.id() : model;
    modelDir = modelDir == null || modelDir.isBlank() ? null : modelDir;
    maxTokens = Math.max(0, maxTokens);
    batchSize = batchSize <= 0 ? 8 : batchSize;
    threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    backfill = backfill == null || backfill;
  }

  /** The model to run: the operator's directory if given, else the built-in one named. */
  EmbeddingModel embeddingModel() {
    return modelDir != null ? ModelDirectory.read(Path.of(modelDir)) : EmbeddingModel.byId(model);
  }

  /** The operator's cut, else the model's. */
  int maxTokens(EmbeddingModel m) {
    return maxTokens > 0 ? maxTokens : m.maxTokens();
  }
}
