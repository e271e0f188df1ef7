package dev.paperboy.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.paperboy.runtime.InvalidSetting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Turns text into unit-length vectors with a model run in-process on ONNX Runtime. Documents are
 * tokenized, sorted by length and embedded in batches of similar length (little padding), with
 * batches spread over the cores; text past {@code maxTokens} is cut, since a title and the start of
 * an abstract carry most of a paper's meaning.
 */
public final class Embedder implements AutoCloseable {

  private final EmbeddingModel model;
  private final int batchSize;
  private final int maxTokens;
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;
  private final boolean pooledByModel;
  private final ExecutorService workers;
  private final int threads;
  private volatile boolean closing;

  /** Held, shared, by every {@link #embed}; {@link #close} takes it alone. */
  private final ReentrantReadWriteLock inference = new ReentrantReadWriteLock();

  private boolean closed;

  /**
   * @param threads batches embedded at once, each on one core
   */
  public Embedder(EmbeddingModel model, int maxTokens, int batchSize, int threads) {
    System.setProperty("ai.djl.offline", "true");
    this.model = model;
    this.batchSize = batchSize;
    this.maxTokens = maxTokens;
    this.threads = threads;
    try (InputStream onnx = model.files().onnx();
        InputStream vocabulary = model.files().tokenizer()) {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(onnx.readAllBytes(), options);
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              vocabulary,
              Map.of(
                  "truncation",
                  "true",
                  "padding",
                  "false",
                  "maxLength",
                  Integer.toString(maxTokens),
                  "modelMaxLength",
                  Integer.toString(maxTokens)));
      this.wantsTypeIds = session.getInputNames().contains("token_type_ids");
      this.pooledByModel = firstOutputRank(session) == 2;
    } catch (IOException | OrtException | RuntimeException e) {
      // A file that is no ONNX model or no tokenizer: the operator's setting, said in one line.
      throw new InvalidSetting(
          "cannot load embedding model " + model.id() + ": " + firstLine(e.getMessage()), e);
    }
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }

  private static int firstOutputRank(OrtSession session) throws OrtException {
    NodeInfo first = session.getOutputInfo().values().iterator().next();
    return first.getInfo() instanceof TensorInfo t ? t.getShape().length : 3;
  }

  public EmbeddingModel model() {
    return model;
  }

  /** Model and truncation: vectors made under another signature are recomputed. */
  public String signature() {
    return model.id() + "/" + maxTokens;
  }

  /** A query, with the instruction prefix the model expects for queries. */
  public float[] embedQuery(String query) {
    return embedExactly(List.of(model.queryPrefix() + query)).get(0);
  }

  /** Documents (title and abstract), in the order given, each after the model's passage prefix. */
  public List<float[]> embed(List<String> texts) {
    String prefix = model.passagePrefix();
    return embedExactly(prefix.isEmpty() ? texts : texts.stream().map(prefix::concat).toList());
  }

  private List<float[]> embedExactly(List<String> texts) {
    Lock shared = inference.readLock();
    shared.lock();
    try {
      if (closed) {
        throw new CancellationException("the application is stopping");
      }
      List<Batch> batches = tokenize(texts);
      float[][] vectors = new float[texts.size()][];
      runAll(batches, batch -> pool(batch, infer(batch), vectors));
      return List.of(vectors);
    } finally {
      shared.unlock();
    }
  }

  /** Token ids of a group of texts of similar length, padded to the longest. */
  record Batch(int[] positions, long[] ids, long[] mask, long[] types, int length) {
    int size() {
      return positions.length;
    }
  }

  List<Batch> tokenize(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < order.length; from += batchSize) {
      int to = Math.min(order.length, from + batchSize);
      batches.add(batch(encodings, java.util.Arrays.copyOfRange(order, from, to)));
    }
    return batches;
  }

  private static Batch batch(Encoding[] encodings, Integer[] members) {
    int length = encodings[members[members.length - 1]].getIds().length;
    long[] ids = new long[members.length * length];
    long[] mask = new long[ids.length];
    long[] types = new long[ids.length];
    int[] positions = new int[members.length];
    for (int row = 0; row < members.length; row++) {
      Encoding e = encodings[members[row]];
      positions[row] = members[row];
      System.arraycopy(e.getIds(), 0, ids, row * length, e.getIds().length);
      System.arraycopy(e.getAttentionMask(), 0, mask, row * length, e.getAttentionMask().length);
      System.arraycopy(e.getTypeIds(), 0, types, row * length, e.getTypeIds().length);
    }
    return new Batch(positions, ids, mask, types, length);
  }

  /** Runs the model alone on a batch: the last hidden state, flat [size × length × dims]. */
  float[] infer(Batch batch) {
    long[] shape = {batch.size(), batch.length()};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape));
      if (wantsTypeIds) {
        inputs.put(
            "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(batch.types()), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] out = new float[hidden.remaining()];
        hidden.get(out);
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * Pools each text's token vectors into one. The width of a vector is whatever the model's output
   * has: 384 for the small models, 768 for base ones; a model that pools itself (output [size ×
   * dims]) is taken as it is.
   */
  private void pool(Batch batch, float[] hidden, float[][] vectors) {
    int dims = hidden.length / (batch.size() * (pooledByModel ? 1 : batch.length()));
    for (int row = 0; row < batch.size(); row++) {
      if (pooledByModel) {
        vectors[batch.positions()[row]] =
            normalize(java.util.Arrays.copyOfRange(hidden, row * dims, (row + 1) * dims));
        continue;
      }
      float[] v = new float[dims];
      int base = row * batch.length() * dims;
      if (model.meanPooling()) {
        int tokens = 0;
        for (int t = 0; t < batch.length(); t++) {
          if (batch.mask()[row * batch.length() + t] == 0) {
            continue;
          }
          tokens++;
          for (int d = 0; d < dims; d++) {
            v[d] += hidden[base + t * dims + d];
          }
        }
        for (int d = 0; d < dims; d++) {
          v[d] /= Math.max(1, tokens);
        }
      } else {
        System.arraycopy(hidden, base, v, 0, dims);
      }
      vectors[batch.positions()[row]] = normalize(v);
    }
  }

  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
    return v;
  }

  /** Runs each batch on the worker pool and waits for all. */
  void runAll(List<Batch> batches, java.util.function.Consumer<Batch> work) {
    if (threads == 1 || batches.size() == 1) {
      batches.forEach(work);
      return;
    }
    List<Future<?>> running = new ArrayList<>();
    for (Batch b : batches) {
      running.add(
          workers.submit(
              () -> {
                if (closing) {
                  throw new CancellationException("the application is stopping");
                }
                work.accept(b);
              }));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding failed", e.getCause());
    }
  }

  /**
   * Waits for the runs in progress, and only then closes the model: closing an ONNX session while a
   * thread runs it crashes the whole JVM in native code (seen at a stop during a backfill). Batches
   * not yet started are dropped. Should a run outlast the wait, the session is left to the
   * process's exit.
   */
  @Override
  public void close() throws OrtException {
    closing = true;
    workers.shutdown();
    Lock alone = inference.writeLock();
    try {
      if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
          || !alone.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      closed = true;
      session.close();
      tokenizer.close();
    } finally {
      alone.unlock();
    }
  }

  private static final long CLOSE_WAIT_SECONDS = 30;
}
