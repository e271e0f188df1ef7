package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SemanticSearchIT extends SharedApplicationTest {

  private static final String PAPERS =
      """
      {"id": "2597.00001", "title": "Removing Redundant Weights to Shrink Deep Networks", "abstract": "We delete connections whose magnitude is small and retrain, obtaining networks ten times lighter with the same accuracy.", "authors": ["Tilde Amsel"], "categories": ["cs.LG"], "published": "2025-03-01"}
      {"id": "2597.00002", "title": "Sparse Subnetworks Found Early in Training", "abstract": "Lottery tickets: sparse subnetworks identified after a few epochs train to full accuracy when weights are rewound.", "authors": ["Tilde Amsel"], "categories": ["cs.LG"], "published": "2025-03-02"}
      {"id": "2597.00003", "title": "Seasonal Migration of Arctic Terns", "abstract": "We track terns between the poles with light-level geolocators.", "authors": ["Ola Nordmann"], "categories": ["q-bio.PE"], "published": "2025-03-03"}
      {"id": "2597.00004", "title": "Grounded Question Answering", "abstract": "We study retrieval-augmented generation (RAG) for question answering over Wikipedia.", "authors": ["Rhea Gupta"], "categories": ["cs.CL"], "published": "2025-03-04"}
      {"id": "2597.00005", "title": "Reading Before Answering", "abstract": "Retrieval augmented generation grounds a language model in fetched passages.", "authors": ["Rhea Gupta"], "categories": ["cs.CL"], "published": "2025-03-05"}
      """;

  @BeforeEach
  void papers() {
    importText("semantic.jsonl", PAPERS);
  }

  private List<String> ids(String mode, String query) {
    List<String> ids = new ArrayList<>();
    json("/api/search?mode=" + mode + "&size=10&q=" + q(query))
        .get("results")
        .forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void aPaperSharingNoWordWithTheQueryIsFoundByMeaning() {
    String query = "model compression by pruning";
    assertThat(ids("keyword", query)).doesNotContain("arxiv:2597.00001");
    assertThat(ids("hybrid", query)).contains("arxiv:2597.00001");
    assertThat(ids("semantic", query)).startsWith("arxiv:2597.00001");
  }

  @Test
  void relatedPapersAreNearestNeighboursWithoutThePaperItself() {
    JsonNode related = json("/api/papers/arxiv:2597.00001/related");
    List<String> ids = new ArrayList<>();
    related.get("related").forEach(r -> ids.add(r.get("id").asString()));
    assertThat(ids).doesNotContain("arxiv:2597.00001").hasSizeLessThanOrEqualTo(10);
    assertThat(ids.get(0)).isEqualTo("arxiv:2597.00002");
    assertThat(ids.indexOf("arxiv:2597.00003")).isNotZero();
    assertThat(get("/papers/arxiv:2597.00001").body())
        .contains("Related papers", "Sparse Subnetworks Found Early in Training");
    assertThat(get("/api/papers/arxiv:9999.99999/related").statusCode()).isEqualTo(404);
  }

  @Test
  void aMisspelledWordStillFindsItsPapersAndSaysSo() {
    JsonNode corrected = json("/api/search?mode=keyword&q=" + q("subnetwroks"));
    assertThat(corrected.get("results").get(0).get("id").asString()).isEqualTo("arxiv:2597.00002");
    assertThat(corrected.get("correctedQuery").asString()).isEqualTo("subnetworks");
    JsonNode asTyped = json("/api/search?mode=keyword&spelling=as-typed&q=" + q("subnetwroks"));
    assertThat(asTyped.get("results").get(0).get("id").asString()).isEqualTo("arxiv:2597.00002");
    assertThat(asTyped.get("notice").asString()).contains("similar words");
  }

  @Test
  void anAcronymFindsPapersThatOnlySpellItOut() {
    assertThat(ids("keyword", "RAG")).contains("arxiv:2597.00004", "arxiv:2597.00005");
  }

  @Test
  void everyModeAnswersAndAnUnknownModeIsA400() {
    for (String mode : new String[] {"keyword", "semantic", "hybrid", "HYBRID"}) {
      assertThat(get("/api/search?q=terns&mode=" + mode).statusCode()).as(mode).isEqualTo(200);
    }
    assertThat(get("/api/search?q=terns&mode=vibes").statusCode()).isEqualTo(400);
    assertThat(get("/search?q=terns&mode=semantic").body())
        .contains("Seasonal Migration of Arctic");
  }

  @Test
  void oddQueriesGetSensibleAnswersAndTheServerStaysHealthy() {
    HttpResponse<String> huge = get("/api/search?q=" + q("word ".repeat(2_000)));
    assertThat(huge.statusCode()).isEqualTo(400);
    JsonNode mixed = json("/api/search?q=" + q("量子 コンピュータ 😀 Ωmega tern"));
    assertThat(mixed.has("results")).isTrue();
    assertThat(get("/api/search?mode=keyword&q=" + q("the of and")).statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=x&size=10000").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=x&size=-1").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=").statusCode()).isEqualTo(400);
    assertThat(get("/actuator/health").body()).contains("UP");
  }
}
