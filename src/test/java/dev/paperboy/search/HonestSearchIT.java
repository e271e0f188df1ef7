package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Search says when nothing matches: nonsense finds nothing in any mode, meaning without words is
 * offered apart, semantic totals are counted, and a query with nothing searchable is empty.
 */
class HonestSearchIT extends SharedApplicationTest {

  /** Ids 2596.* are used by no other test: the catalog is shared. */
  static final int REEF_PAPERS = 30;

  /**
   * A paper on bees, for a query that shares no word with it, and 30 on coral reefs, to page;
   * topics no other test uses, since the catalog is shared.
   */
  @BeforeEach
  void papers() {
    StringBuilder jsonl = new StringBuilder();
    jsonl.append(
        """
        {"id": "2596.00100", "title": "Honeybee Colony Collapse in Cold Months", "abstract": "We count dead honeybee colonies after frost across apiaries in Norway.", "authors": ["Ola Nordmann"], "categories": ["q-bio.PE"], "published": "2025-04-01"}
        """);
    IntStream.rangeClosed(1, REEF_PAPERS)
        .forEach(
            i ->
                jsonl.append(
                    """
                    {"id": "2596.%05d", "title": "Coral Reef Bleaching Survey, Site %d", "abstract": "We survey coral bleaching on reef site %d after a marine heatwave and count the corals that recover.", "authors": ["Tilde Amsel"], "categories": ["q-bio.PE"], "published": "2025-04-02"}
                    """
                        .formatted(i, i, i)));
    importText("honest.jsonl", jsonl.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"keyword", "semantic", "hybrid"})
  void nonsenseMatchesNothingInEveryModeAndThePageSaysSo(String mode) {
    JsonNode r = json("/api/search?mode=" + mode + "&q=xyzzyplugh");
    assertThat(r.get("total").asLong()).isZero();
    assertThat(r.get("results")).isEmpty();
    assertThat(r.get("closest")).isEmpty();
    String page = get("/search?mode=" + mode + "&q=xyzzyplugh").body();
    assertThat(page).contains("0 papers", "No papers match").doesNotContain("Closest in meaning");
  }

  @Test
  void meaningWithoutTheWordsIsOfferedApartAndNotCounted() {
    String query = "winter bees perishing";
    assertThat(json("/api/search?mode=keyword&q=" + q(query)).get("total").asLong()).isZero();
    JsonNode r = json("/api/search?q=" + q(query));
    assertThat(r.get("total").asLong()).isZero();
    assertThat(r.get("results")).isEmpty();
    assertThat(r.get("closest").get(0).get("id").asString()).isEqualTo("arxiv:2596.00100");
    assertThat(r.get("notice").asString()).contains("Nothing contains these words");
    assertThat(get("/search?q=" + q(query)).body())
        .contains("0 papers", "Nothing contains these words. Closest in meaning:")
        .contains("Honeybee Colony Collapse in Cold Months")
        .doesNotContain("No papers match");
  }

  @Test
  void semanticCountsItsMatchesAndThePagerReachesPageTwo() {
    String query = "ocean warming harms reefs";
    JsonNode first = json("/api/search?mode=semantic&size=20&q=" + q(query));
    assertThat(first.get("total").asLong()).isGreaterThan(20);
    assertThat(first.get("results")).hasSize(20);
    JsonNode second = json("/api/search?mode=semantic&size=20&page=2&q=" + q(query));
    assertThat(second.get("results")).isNotEmpty();
    assertThat(first.get("total")).isEqualTo(second.get("total"));
    String page = get("/search?mode=semantic&q=" + q(query)).body();
    Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(page);
    assertThat(next.find()).as("a link to the next page").isTrue();
    String href = next.group(1).replace("&amp;", "&");
    assertThat(href).contains("mode=semantic").endsWith("page=2");
    HttpResponse<String> two = get(href);
    assertThat(two.statusCode()).isEqualTo(200);
    assertThat(two.body()).contains("Page 2 of");
  }

  @Test
  void hybridCountsWordsAndMeaningNotTheWholeCatalog() {
    JsonNode r = json("/api/search?q=" + q("honeybee frost"));
    List<String> ids = new ArrayList<>();
    r.get("results").forEach(hit -> ids.add(hit.get("id").asString()));
    assertThat(ids.get(0)).isEqualTo("arxiv:2596.00100");
    assertThat(r.get("total").asLong()).isEqualTo(ids.size()).isLessThan(REEF_PAPERS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-",
        "*",
        "?",
        "title:",
        "author:",
        "AND OR NOT",
        "\u0000",
        "the of and",
        "-- ?! ...",
        "-coral",
        "-cat:q-bio.PE",
        "-\"coral reef\" -author:Amsel"
      })
  void aQueryWithNothingSearchableIsAnEmptyQuery(String query) {
    HttpResponse<String> api = get("/api/search?q=" + q(query));
    assertThat(api.statusCode()).as(query).isEqualTo(400);
    assertThat(JSON.readTree(api.body()).get("error").asString()).isEqualTo(InvalidQuery.EMPTY);
    HttpResponse<String> page = get("/search?q=" + q(query));
    assertThat(page.statusCode()).as(query).isEqualTo(200);
    assertThat(page.body())
        .contains(InvalidQuery.EMPTY.replace("\"", "&quot;"))
        .doesNotContain("class=\"count\"", "class=\"problem\"");
  }

  @Test
  void commonWordsAreNoWordsAPaperMustHave() {
    // "in" and "of" are in no title or abstract index; read in author names alone, they once
    // made every search with them say that no paper had all its words, and weighed meaning more.
    for (String mode : List.of("keyword", "hybrid")) {
      JsonNode r = json("/api/search?mode=" + mode + "&q=" + q("Honeybee Collapse in the Cold"));
      assertThat(r.get("results").get(0).get("id").asString()).isEqualTo("arxiv:2596.00100");
      assertThat(r.get("notice").isNull() || r.get("notice").asString().isEmpty())
          .as(mode + ": " + r.get("notice"))
          .isTrue();
    }
  }

  @Test
  void aQueryOfHundredsOfWordsIsRefusedNotFailed() {
    // A pasted abstract in Chinese: every character is a word of its own to the analyzer.
    StringBuilder cjk = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      cjk.append((char) (0x4e00 + i));
    }
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      HttpResponse<String> api = get("/api/search?mode=" + mode + "&q=" + q(cjk.toString()));
      assertThat(api.statusCode()).as(mode).isEqualTo(400);
      assertThat(api.body()).contains("too many words");
      HttpResponse<String> page = get("/search?mode=" + mode + "&q=" + q(cjk.toString()));
      assertThat(page.statusCode()).isLessThan(500);
      assertThat(page.body()).contains("too many words");
    }
  }

  @Test
  void withACategoryExclusionsAloneBrowseItWithoutThem() {
    JsonNode all = json("/api/search?mode=keyword&cat=q-bio.PE&q=");
    JsonNode some = json("/api/search?mode=keyword&cat=q-bio.PE&q=" + q("-honeybee"));
    assertThat(some.get("total").asLong()).isEqualTo(all.get("total").asLong() - 1);
  }

  @Test
  void withACategoryAQueryWithNothingSearchableBrowsesIt() {
    JsonNode blank = json("/api/search?mode=keyword&cat=q-bio.PE&q=");
    JsonNode star = json("/api/search?mode=keyword&cat=q-bio.PE&q=" + q("*"));
    assertThat(blank.get("total").asLong()).isGreaterThan(REEF_PAPERS);
    assertThat(star.get("total")).isEqualTo(blank.get("total"));
  }
}
