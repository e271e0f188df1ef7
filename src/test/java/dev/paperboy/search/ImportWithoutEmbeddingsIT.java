package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ImportWithoutEmbeddingsIT extends SharedApplicationTest {

  private static final String PAPERS =
      """
      {"id": "2598.00001", "title": "Trimming Superfluous Synapses from Convolutional Classifiers", "abstract": "Connections with tiny magnitude are cut away and the classifier is retrained; it keeps its accuracy at a tenth of the size.", "authors": ["Ines Lorca"], "categories": ["cs.LG"], "published": "2025-04-01"}
      {"id": "2598.00002", "title": "Counting Puffins on Remote Cliffs", "abstract": "Volunteers photograph seabird colonies and a tally is made from the pictures.", "authors": ["Ines Lorca"], "categories": ["q-bio.PE"], "published": "2025-04-02"}
      """;

  @Autowired MissingVectors missingVectors;

  @Test
  void papersAreFoundByWordsAtOnceAndByMeaningOnceEmbedded() {
    HttpResponse<String> imported =
        send(
            asOperator("/admin/import?embeddings=false&file=later.jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(PAPERS))
                .build());
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(imported.body()).get("created").asInt()).isEqualTo(2);

    assertThat(ids("keyword", "superfluous synapses")).containsExactly("arxiv:2598.00001");
    assertThat(vectors("arxiv:2598.00001")).isZero();
    // "classifiers" is a word of the catalog, whatever else other tests imported: the floor is the
    // one for queries with known words (docs/SEARCH.md), the same alone as in the whole suite.
    String meaning = "pruning classifiers for model compression";
    assertThat(ids("semantic", meaning)).doesNotContain("arxiv:2598.00001");

    assertThat(missingVectors.embed(n -> {})).isGreaterThanOrEqualTo(2);

    assertThat(vectors("arxiv:2598.00001")).isOne();
    // the puffins are no match in meaning for pruning: below the similarity floor
    assertThat(ids("semantic", meaning))
        .contains("arxiv:2598.00001")
        .doesNotContain("arxiv:2598.00002");
    assertThat(missingVectors.embed(n -> {})).isZero();
  }

  @Test
  void smallResultCountsAreExact() {
    JsonNode r = json("/api/search?mode=keyword&q=" + q("puffins"));
    assertThat(r.get("totalExact").asBoolean()).isTrue();
  }

  private long vectors(String id) {
    return jdbcClient
        .sql("select count(*) from paper_embedding where paper_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private List<String> ids(String mode, String query) {
    List<String> ids = new ArrayList<>();
    json("/api/search?mode=" + mode + "&size=50&q=" + q(query))
        .get("results")
        .forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }
}
