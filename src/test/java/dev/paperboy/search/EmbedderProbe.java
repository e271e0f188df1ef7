package dev.paperboy.search;

import java.util.List;

/** Opens the embedder's stages to the benchmarks: tokenizing apart from inference. */
public final class EmbedderProbe implements AutoCloseable {

  private final Embedder embedder;
  private final int threads;

  public EmbedderProbe(EmbeddingModel model, int maxTokens, int batch, int threads) {
    this.embedder = new Embedder(model, maxTokens, batch, threads);
    this.threads = threads;
  }

  public List<float[]> embed(List<String> texts) {
    return embedder.embed(texts);
  }

  /** Token batches, opaque to callers outside this package. */
  public Object tokenize(List<String> texts) {
    return embedder.tokenize(texts);
  }

  /** ONNX Runtime alone over the batches, with the same parallelism as {@link #embed}. */
  @SuppressWarnings("unchecked")
  public void inferAll(Object batches) {
    embedder.runAll((List<Embedder.Batch>) batches, embedder::infer);
  }

  @Override
  public void close() throws Exception {
    embedder.close();
  }
}
