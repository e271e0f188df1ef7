package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends a command's work to the server that owns the data directory, over loopback. */
final class ServerClient {

  /** Reading the body we were sending failed: the file's fault, not the server's. */
  static final class BodyUnreadable extends RuntimeException {
    BodyUnreadable(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final RunningServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServerClient(RunningServer server) {
    this.server = server;
  }

  /** Posts with no body; the answer's body, or {@link CommandFailed} saying what went wrong. */
  String post(String path) {
    return send(path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /** Posts {@code body} as the content of {@code fileName}, streamed. */
  String post(String path, String fileName, InputStream body) {
    String query =
        (path.contains("?") ? "&" : "?")
            + "file="
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    Tracked tracked = new Tracked(body);
    return send(path + query, HttpRequest.BodyPublishers.ofInputStream(() -> tracked), tracked);
  }

  private String send(String path, HttpRequest.BodyPublisher body, Tracked tracked) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/octet-stream")
            .POST(body)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new CommandFailed(
            "the server answered " + response.statusCode() + ": " + errorIn(response.body()));
      }
      return response.body();
    } catch (IOException e) {
      if (tracked != null && tracked.failure != null) {
        throw new BodyUnreadable(tracked.failure);
      }
      if (e instanceof ConnectException) {
        throw new CommandFailed("cannot reach the server at " + server.baseUrl(), e);
      }
      throw new CommandFailed(
          "the connection to the server at " + server.baseUrl() + " broke: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    }
  }

  /** The message of a JSON {@code {"error": ...}} answer, else the answer as it came. */
  private static String errorIn(String body) {
    try {
      JsonNode error = JsonMapper.builder().build().readTree(body).get("error");
      return error != null && error.isString() ? error.asString() : body;
    } catch (RuntimeException notJson) {
      return body;
    }
  }

  /**
   * Remembers why reading the body failed, which the HTTP client reports only as an IOException.
   */
  private static final class Tracked extends FilterInputStream {
    private IOException failure;

    Tracked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
