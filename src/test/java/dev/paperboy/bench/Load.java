package dev.paperboy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop HTTP load generator: {@code clients} threads, each sending its share of the
 * requests one after another; every request's latency is kept. Any answer but 200 fails the run.
 */
final class Load {

  /** Latencies (ms) of every request, and requests per second over the whole run. */
  record Result(double[] millis, double perSecond) {
    double p(double percentile) {
      return Stats.percentile(millis, percentile);
    }
  }

  private Load() {}

  static Result run(String base, List<String> paths, int clients) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    double[] millis = new double[paths.size()];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        work.add(
            pool.submit(
                () -> {
                  for (int i = client; i < paths.size(); i += clients) {
                    HttpRequest request =
                        HttpRequest.newBuilder(URI.create(base + paths.get(i)))
                            .timeout(Duration.ofMinutes(1))
                            .build();
                    long t = System.nanoTime();
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    millis[i] = (System.nanoTime() - t) / 1e6;
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          paths.get(i) + " answered " + response.statusCode());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(millis, paths.size() / seconds);
  }
}
