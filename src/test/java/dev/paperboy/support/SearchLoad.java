package dev.paperboy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady closed-loop load until stopped: {@code clients} threads, each sending the paths in turn
 * one after another. Every request is kept with when it started and how it ended, so a test can ask
 * which ones failed after a given moment.
 */
public final class SearchLoad {

  /** One request: when it started ({@link System#nanoTime()}), its latency, and what failed. */
  public record Sample(long startedNanos, double millis, String failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  /** Every request of a run, and the run's length. */
  public record Result(List<Sample> samples, double seconds) {

    public double perSecond() {
      return samples.size() / seconds;
    }

    public List<Sample> failuresFrom(long nanos) {
      return samples.stream().filter(s -> s.failed() && s.startedNanos() >= nanos).toList();
    }

    public List<Sample> failuresBefore(long nanos) {
      return samples.stream().filter(s -> s.failed() && s.startedNanos() < nanos).toList();
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService pool;
  private final long started = System.nanoTime();

  private SearchLoad(int clients) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "load-" + n.incrementAndGet()));
  }

  /** Starts {@code clients} threads asking {@code base} for {@code paths}. */
  public static SearchLoad start(String base, List<String> paths, int clients) {
    SearchLoad load = new SearchLoad(clients);
    for (int c = 0; c < clients; c++) {
      int first = c;
      load.pool.execute(() -> load.loop(base, paths, first));
    }
    return load;
  }

  /** Runs for {@code duration} and returns what happened. */
  public static Result run(String base, List<String> paths, int clients, Duration duration)
      throws InterruptedException {
    SearchLoad load = start(base, paths, clients);
    Thread.sleep(duration.toMillis());
    return load.stop();
  }

  private void loop(String base, List<String> paths, int first) {
    for (int i = first; running.get(); i++) {
      samples.add(one(base + paths.get(i % paths.size())));
    }
  }

  private static Sample one(String url) {
    long t = System.nanoTime();
    String failure;
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.discarding());
      failure = response.statusCode() == 200 ? null : "status " + response.statusCode();
    } catch (IOException e) {
      failure = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    return new Sample(t, (System.nanoTime() - t) / 1e6, failure);
  }

  /** Stops the clients, lets the requests in flight finish, and returns every sample. */
  public Result stop() throws InterruptedException {
    running.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return new Result(new ArrayList<>(samples), seconds);
  }
}
