package dev.paperboy.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that plays a remote source: per path, a queue of scripted answers
 * (then a default), and a log of every request it saw.
 */
final class FixtureServer implements AutoCloseable {

  /** One scripted answer. */
  interface Answer {
    void write(HttpExchange exchange) throws IOException;
  }

  /** A request as the server saw it. */
  record Seen(String path, String query, Map<String, List<String>> headers, long atMillis) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Function<HttpExchange, Answer>> defaults = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers to give, in order, before the default for this path. */
  FixtureServer then(String path, Answer... answers) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  FixtureServer otherwise(String path, Function<HttpExchange, Answer> answer) {
    defaults.put(path, answer);
    return this;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  void reset() {
    scripted.clear();
    defaults.clear();
    seen.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.add(
        new Seen(
            path,
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            System.currentTimeMillis()));
    Deque<Answer> queue = scripted.get(path);
    Answer answer =
        queue != null && !queue.isEmpty()
            ? queue.poll()
            : defaults.getOrDefault(path, x -> status(404, "")).apply(exchange);
    try {
      answer.write(exchange);
    } finally {
      exchange.close();
    }
  }

  static Answer status(int code, String body, String... headers) {
    return x -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        x.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        x.getResponseBody().write(bytes);
      }
    };
  }

  static Answer ok(byte[] body, String... headers) {
    return x -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        x.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
    };
  }

  static Answer fixture(String name, String... headers) {
    return ok(read(name), headers);
  }

  /** Promises a long body, sends a little, and hangs up. */
  static Answer resetMidBody(String name) {
    return x -> {
      byte[] body = read(name);
      x.sendResponseHeaders(200, body.length + 10_000);
      OutputStream out = x.getResponseBody();
      out.write(body, 0, body.length / 3);
      out.flush();
      throw new IOException("hanging up mid-body on purpose");
    };
  }

  static Answer slow(long millis, String name) {
    return x -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ok(read(name)).write(x);
    };
  }

  static byte[] read(String name) {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
