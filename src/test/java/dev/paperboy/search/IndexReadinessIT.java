package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.StartedApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A load balancer's probe, without any credential: an instance whose index has not caught up with
 * the catalog since it started is not ready (503), and is once it has. Here nothing follows the
 * catalog until the test says so, so "not caught up yet" lasts as long as the test needs.
 */
class IndexReadinessIT {

  @Test
  void anInstanceIsNotReadyUntilItsIndexHasCaughtUp() throws Exception {
    try (StartedApplication app = StartedApplication.with("paperboy.index.follow=false")) {
      HttpResponse<String> before = get(app, "/actuator/health/readiness");
      assertThat(before.statusCode()).as(before.body()).isEqualTo(503);
      assertThat(before.body()).contains("OUT_OF_SERVICE");
      assertThat(get(app, "/actuator/health/liveness").statusCode()).isEqualTo(200);

      app.bean(PaperIndex.class).catchUp();

      HttpResponse<String> after = get(app, "/actuator/health/readiness");
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(StartedApplication app, String path)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
