package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.StartedApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that writes its own forwarded headers naming 127.0.0.1 gets no operator surface, under
 * each of Spring's {@code server.forward-headers-strategy} settings — including {@code framework},
 * which believes those headers from anyone, and {@code native} told to trust the loopback proxy.
 */
class SpoofedForwardedHeadersIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Every way a request can claim to come from this machine. */
  private static final List<Map<String, String>> SPOOFS =
      List.of(
          Map.of("X-Forwarded-For", "127.0.0.1"),
          Map.of("Forwarded", "for=127.0.0.1;host=localhost;proto=https"),
          Map.of("X-Real-IP", "127.0.0.1"),
          Map.of(
              "X-Forwarded-For", "127.0.0.1",
              "X-Forwarded-Host", "localhost",
              "X-Forwarded-Proto", "https"),
          Map.of());

  private static final List<String> READS =
      List.of("/mail", "/sources", "/api/sources", "/actuator/prometheus", "/actuator/info");
  private static final List<String> WRITES = List.of("/admin/reindex", "/admin/import");

  @ParameterizedTest(name = "forward-headers-strategy={0}, trusted proxies [{1}]")
  @CsvSource({"none,''", "native,''", "native,127.0.0.1", "framework,''"})
  void spoofedForwardedHeadersGrantNothing(String strategy, String trusted)
      throws IOException, InterruptedException {
    try (StartedApplication app =
        StartedApplication.with(
            "server.forward-headers-strategy=" + strategy, "paperboy.trusted-proxies=" + trusted)) {
      for (Map<String, String> spoof : SPOOFS) {
        for (String path : READS) {
          assertThat(send(app, path, "GET", spoof).statusCode())
              .as("GET %s with %s", path, spoof)
              .isEqualTo(401);
        }
        for (String path : WRITES) {
          assertThat(send(app, path, "POST", spoof).statusCode())
              .as("POST %s with %s", path, spoof)
              .isEqualTo(401);
        }
      }
    }
  }

  private static HttpResponse<String> send(
      StartedApplication app, String path, String method, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
