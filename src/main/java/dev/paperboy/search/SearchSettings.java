package dev.paperboy.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How meaning-based search runs ({@code paperboy.search.*}).
 *
 * @param model the embedding model id (see {@link EmbeddingModel})
 * @param maxTokens text past this many tokens is not embedded
 * @param batchSize texts per model call
 * @param threads batches embedded at once; 0 means one per core
 * @param backfill whether a server embeds, in the background, papers imported without vectors
 * @param floors what counts as a match in meaning; null for the model's own ({@link
 *     EmbeddingModel#floors})
 */
@ConfigurationProperties("paperboy.search")
public record SearchSettings(
    String model,
    int maxTokens,
    int batchSize,
    int threads,
    Boolean backfill,
    SimilarityFloors floors) {

  public SearchSettings {
    model = model == null || model.isBlank() ? EmbeddingModel.ALL_MINILM_L6_V2_Q.id() : model;
    maxTokens = maxTokens <= 0 ? 128 : maxTokens;
    batchSize = batchSize <= 0 ? 8 : batchSize;
    threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    backfill = backfill == null || backfill;
  }
}
