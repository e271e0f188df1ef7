package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One thread per core for CPU-bound work such as rendering letters. Its threads see the
 * application's class loader (the common fork-join pool's do not, inside the packaged jar, and
 * templates would not be found there).
 */
final class Workers implements AutoCloseable {

  private final int threads = Runtime.getRuntime().availableProcessors();
  private final ExecutorService pool;

  Workers(String name) {
    ClassLoader loader = Workers.class.getClassLoader();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-worker");
              t.setDaemon(true);
              t.setContextClassLoader(loader);
              return t;
            });
  }

  /** {@code function} of each item, in order, the items split evenly between the threads. */
  <T, R> List<R> map(List<T> items, Function<T, R> function) {
    if (items.size() < 2) {
      return items.stream().map(function).toList();
    }
    int slice = (items.size() + threads - 1) / threads;
    List<Callable<List<R>>> slices = new ArrayList<>();
    for (int from = 0; from < items.size(); from += slice) {
      List<T> part = items.subList(from, Math.min(items.size(), from + slice));
      slices.add(() -> part.stream().map(function).toList());
    }
    List<R> results = new ArrayList<>(items.size());
    try {
      for (Future<List<R>> f : pool.invokeAll(slices)) {
        results.addAll(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
