package dev.paperboy.sources;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * GET requests to remote sources, done politely and defensively: a descriptive User-Agent, at most
 * one request per interval per arXiv host, conditional GET with stored validators, timeouts on
 * connect and on the whole answer, a cap on body size, and bounded retries with exponential backoff
 * and jitter that honour {@code Retry-After}.
 */
@Component
class SourceHttp {

  /** An answer: 200 with a body, or 304 (unchanged since last time). */
  record Response(int status, byte[] body) {
    boolean notModified() {
      return status == 304;
    }
  }

  /** A failure worth another try, perhaps after the wait the server asked for. */
  static class Transient extends RuntimeException {
    final Duration retryAfter;
    final boolean unreachable;

    Transient(String message, Duration retryAfter, boolean unreachable, Throwable cause) {
      super(message, cause);
      this.retryAfter = retryAfter;
      this.unreachable = unreachable;
    }
  }

  /**
   * No connection at all: the name did not resolve, or the port refused. Worth retrying on schedule
   * (a network comes back), not while someone waits at the command line.
   */
  static final class NoConnection extends Transient {
    NoConnection(String message, Throwable cause) {
      super(message, null, true, cause);
    }
  }

  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

  private final SourceSettings settings;
  private final JdbcClient jdbc;
  private final MeterRegistry meters;
  private final HttpClient client;
  private final Map<String, RateLimiter> perHost = new ConcurrentHashMap<>();
  private final RateLimiterConfig arxivPace;

  /** Set while someone waits for the answer: a host that cannot be reached is not retried. */
  private final ThreadLocal<Boolean> someoneWaits = ThreadLocal.withInitial(() -> false);

  SourceHttp(SourceSettings settings, JdbcClient jdbc, MeterRegistry meters) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.meters = meters;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.arxivPace =
        RateLimiterConfig.custom()
            .limitForPeriod(1)
            .limitRefreshPeriod(settings.arxivInterval())
            .timeoutDuration(Duration.ofMinutes(10))
            .build();
  }

  /**
   * Runs {@code work} for someone waiting at the command line: a host with no connection at all
   * fails at once instead of after the scheduled runs' retries (other failures are still retried).
   */
  <T> T whileSomeoneWaits(Supplier<T> work) {
    boolean before = someoneWaits.get();
    someoneWaits.set(true);
    try {
      return work.get();
    } finally {
      someoneWaits.set(before);
    }
  }

  /** Fetches a URL for a source; {@link SourceUnavailable} when every try failed. */
  Response get(Source source, URI uri, boolean conditional) {
    boolean impatient = someoneWaits.get();
    int[] tries = {0};
    Retry retry =
        Retry.of(
            source.id(),
            RetryConfig.<Response>custom()
                .maxAttempts(settings.attempts())
                .retryOnException(
                    e -> e instanceof Transient && !(impatient && e instanceof NoConnection))
                .intervalBiFunction(waitBefore())
                .build());
    try {
      return Retry.decorateSupplier(
              retry,
              () -> {
                tries[0]++;
                return attempt(source, uri, conditional);
              })
          .get();
    } catch (Transient e) {
      meters.counter("paperboy.source.errors", "source", source.id()).increment();
      throw new SourceUnavailable(
          e.getMessage() + (tries[0] == 1 ? "" : " (after " + tries[0] + " tries)"),
          e.unreachable,
          e);
    } catch (SourceUnavailable e) {
      meters.counter("paperboy.source.errors", "source", source.id()).increment();
      throw e;
    }
  }

  /** The server's Retry-After when it gave one, else exponential backoff with jitter. */
  private IntervalBiFunction<Response> waitBefore() {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(settings.backoff().toMillis(), 2.0, 0.5);
    return (attempt, outcome) -> {
      if (outcome.isLeft() && outcome.getLeft() instanceof Transient t && t.retryAfter != null) {
        return Math.min(t.retryAfter.toMillis(), LONGEST_RETRY_AFTER.toMillis());
      }
      return backoff.apply(attempt);
    };
  }

  private Response attempt(Source source, URI uri, boolean conditional) {
    pace(uri);
    meters.counter("paperboy.source.requests", "source", source.id()).increment();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.readTimeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept-Encoding", "identity");
    if (conditional) {
      validators(uri)
          .ifPresent(
              v -> {
                if (v[0] != null) {
                  request.header("If-None-Match", v[0]);
                }
                if (v[1] != null) {
                  request.header("If-Modified-Since", v[1]);
                }
              });
    }
    HttpResponse<byte[]> response = send(request.build());
    int status = response.statusCode();
    if (status == 304) {
      return new Response(304, new byte[0]);
    }
    if (status == 503 || status == 429 || status >= 500) {
      throw new Transient(
          "HTTP " + status + " from " + uri.getHost(),
          retryAfter(response).orElse(null),
          false,
          null);
    }
    if (status != 200) {
      throw new SourceUnavailable("HTTP " + status + " from " + uri);
    }
    remember(uri, response);
    return new Response(200, response.body());
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return client
          .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
          .thenApply(this::limited)
          .get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw tooSlow(request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceUnavailable("interrupted", false, e);
    } catch (ExecutionException e) {
      throw failure(request.uri(), e.getCause());
    }
  }

  private RuntimeException failure(URI uri, Throwable cause) {
    Throwable c =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (c instanceof SourceUnavailable s) {
      return s;
    }
    if (c instanceof UncheckedIOException u) {
      c = u.getCause();
    }
    String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    if (c instanceof UnresolvedAddressException || c instanceof ConnectException) {
      return new NoConnection("cannot reach " + host + ": " + noConnection(c), c);
    }
    if (c instanceof HttpConnectTimeoutException) {
      String why = "no connection within " + settings.connectTimeout().toSeconds() + " s";
      return new Transient("cannot reach " + host + ": " + why, null, true, c);
    }
    if (c instanceof HttpTimeoutException) {
      // The request's own timeout and the wait for the whole answer are equally long; whichever
      // fires first, the answer did not come in time.
      return tooSlow(uri, c);
    }
    return new Transient("the connection to " + host + " broke: " + inWords(c), null, false, c);
  }

  private Transient tooSlow(URI uri, Throwable cause) {
    return new Transient(
        "no complete answer from "
            + uri.getHost()
            + " within "
            + settings.readTimeout().toSeconds()
            + " s",
        null,
        true,
        cause);
  }

  /** A qualified exception class name that a cause's text starts with ("java.io.IOException: "). */
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):?\\s*");

  /**
   * What went wrong without the JDK's class names: the first message down the causes, or a plain
   * phrase when the exceptions carry none (an {@code EOFException} usually does not).
   */
  static String inWords(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      while (CLASS_PREFIX.matcher(m).find()) {
        m = CLASS_PREFIX.matcher(m).replaceFirst("");
      }
      if (!m.isBlank()) {
        return m.strip();
      }
    }
    return "it closed the connection early";
  }

  /** In a user's words: the JDK's exceptions here often carry no message at all. */
  private static String noConnection(Throwable e) {
    if (e instanceof UnresolvedAddressException
        || e.getCause() instanceof UnresolvedAddressException) {
      return "no such host";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "connection refused" : m.toLowerCase(Locale.ROOT);
  }

  /** Reads the body, refusing it as soon as it grows past the limit. */
  private HttpResponse<byte[]> limited(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > settings.maxBytes()) {
          throw new SourceUnavailable(
              String.format(
                  "the answer from %s is larger than %,d bytes; refused",
                  response.uri().getHost(), settings.maxBytes()));
        }
      }
      byte[] body = out.toByteArray();
      return new BodyResponse(response, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pace(URI uri) {
    String host = uri.getHost() + ":" + uri.getPort();
    if (isArxiv(uri)) {
      perHost.computeIfAbsent(host, h -> RateLimiter.of(h, arxivPace)).acquirePermission();
    }
  }

  /** The hosts of the configured arXiv services (a mirror counts as arXiv too). */
  private boolean isArxiv(URI uri) {
    return Stream.of(settings.arxivOaiUrl(), settings.arxivApiUrl(), settings.arxivRssUrl())
        .map(URI::create)
        .anyMatch(u -> u.getHost().equalsIgnoreCase(uri.getHost()) && u.getPort() == uri.getPort());
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
              } catch (NumberFormatException e) {
                try {
                  ZonedDateTime at =
                      ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                  Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                  return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (RuntimeException bad) {
                  return Optional.empty();
                }
              }
            });
  }

  private Optional<String[]> validators(URI uri) {
    return jdbc.sql("select etag, last_modified from http_validator where url = ?")
        .param(uri.toString())
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .optional();
  }

  private void remember(URI uri, HttpResponse<?> response) {
    String etag = response.headers().firstValue("ETag").orElse(null);
    String modified = response.headers().firstValue("Last-Modified").orElse(null);
    if (etag == null && modified == null) {
      return;
    }
    jdbc.sql(
            "insert into http_validator (url, etag, last_modified) values (?, ?, ?)"
                + " on conflict (url) do update set etag = excluded.etag,"
                + " last_modified = excluded.last_modified")
        .params(uri.toString(), etag, modified)
        .update();
  }
}
