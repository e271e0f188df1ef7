package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Searches a started application through its JSON API, as a client would. */
final class SearchOverHttp {

  private SearchOverHttp() {}

  /** The ids of the results, in order; the search must answer 200. */
  static List<String> ids(ConfigurableApplicationContext context, String mode, String q, int size)
      throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/search?size="
                + size
                + "&mode="
                + mode
                + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JsonNode results = JsonMapper.builder().build().readTree(response.body()).get("results");
    results.forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }
}
