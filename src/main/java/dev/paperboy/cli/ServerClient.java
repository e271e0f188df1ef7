package dev.paperboy.cli;

import dev.paperboy.runtime.RunningServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends a command's work to the server that owns the data directory, over loopback, as the
 * operator: with the token that server keeps in the data directory.
 */
final class ServerClient {

  private final RunningServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServerClient(RunningServer server) {
    this.server = server;
  }

  String post(String path, String fileName, Supplier<InputStream> body) {
    String query =
        fileName == null
            ? ""
            : (path.contains("?") ? "&" : "?")
                + "file="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path + query))
            .header("Content-Type", "application/octet-stream");
    server.operatorToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    request.POST(
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofInputStream(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new CommandFailed(
            "the server answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new CommandFailed("cannot reach the server at " + server.baseUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    }
  }
}
