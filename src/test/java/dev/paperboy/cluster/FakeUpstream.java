package dev.paperboy.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The remote sources on loopback, for every instance at once: each path answers one of our
 * fixtures, and the server notes when each path was asked for, so a test can count the runs of a
 * source across the instances.
 */
final class FakeUpstream implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> fixtures;
  private final Map<String, List<Long>> seen = new ConcurrentHashMap<>();

  /** {@code fixtures}: path → name of a file under /fixtures. */
  FakeUpstream(Map<String, String> fixtures) {
    this.fixtures = Map.copyOf(fixtures);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", this::answer);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** When {@code path} was asked for, in {@link System#nanoTime()} order. */
  List<Long> requests(String path) {
    return new ArrayList<>(seen.getOrDefault(path, List.of()));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    String fixture = fixtures.get(path);
    if (fixture == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      body = in.readAllBytes();
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
