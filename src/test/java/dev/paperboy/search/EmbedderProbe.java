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

  /** An embedder of the model in an operator's directory ({@link ModelDirectory}). */
  public static EmbedderProbe ofDirectory(java.nio.file.Path dir, int maxTokens, int threads) {
    EmbeddingModel model = ModelDirectory.read(dir);
    return new EmbedderProbe(model, maxTokens > 0 ? maxTokens : model.maxTokens(), 8, threads);
  }

  /** The embedder itself, for measurements that use only its public face. */
  public Embedder embedder() {
    return embedder;
  }

  public String signature() {
    return embedder.signature();
  }

  public float[] embedQuery(String query) {
    return embedder.embedQuery(query);
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
