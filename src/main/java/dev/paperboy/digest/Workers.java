package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.Collections;
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

  /** {@code function} of each item, in order, computed by every thread of the pool. */
  <T, R> List<R> map(List<T> items, Function<T, R> function) {
    return map(items, function, threads);
  }

  /**
   * {@code function} of each item, in order, by at most {@code parallel} threads, each taking the
   * next item when done with one.
   */
  <T, R> List<R> map(List<T> items, Function<T, R> function, int parallel) {
    if (items.size() < 2) {
      return items.stream().map(function).toList();
    }
    int lanes = Math.max(1, Math.min(parallel, threads));
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    List<R> out = new ArrayList<>(Collections.nCopies(items.size(), (R) null));
    List<Callable<List<R>>> slices = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      slices.add(
          () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
              out.set(i, function.apply(items.get(i)));
            }
            return List.of();
          });
    }
    try {
      for (Future<List<R>> f : pool.invokeAll(slices)) {
        f.get();
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
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
