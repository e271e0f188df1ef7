package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.Chromium;
import dev.paperboy.support.SharedApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/**
 * A misspelled query is corrected before it is searched, in every mode, and says so on the page and
 * in the API; "search instead for" searches as typed; a paper's exact title or arXiv id comes first
 * whatever the mode.
 */
class SpellingCorrectionIT extends SharedApplicationTest {

  /**
   * Eight papers on cave stalagmites (a topic no other test uses: the catalog is shared, ids 2593.*
   * and physics/0609876 are ours), so "stalagmite" and "dripwater" are words of several papers; one
   * has a title with a coined word, one an old-style arXiv id.
   */
  @BeforeEach
  void papers() {
    StringBuilder jsonl = new StringBuilder();
    IntStream.rangeClosed(1, 6)
        .forEach(
            i ->
                jsonl.append(
                    """
                    {"id": "2593.%05d", "title": "Stalagmite Dripwater Isotopes at Cave Site %d", "abstract": "We measure oxygen isotopes in stalagmite dripwater at cave site %d to date past monsoons.", "authors": ["Petra Hohl"], "categories": ["physics.geo-ph"], "published": "2025-05-0%d"}
                    """
                        .formatted(i, i, i, i)));
    jsonl.append(
        """
        {"id": "2593.00042v2", "title": "Speleothem Clocks: Dating Stalagmites by Flarbles", "abstract": "Flarbles, a new layer count, date stalagmite growth in caves.", "authors": ["Petra Hohl"], "categories": ["physics.geo-ph"], "published": "2025-05-10"}
        {"id": "physics/0609876", "title": "Cave Air Ventilation and Stalagmite Growth", "abstract": "Seasonal ventilation of cave air controls stalagmite growth rates and dripwater chemistry.", "authors": ["Ivo Karst"], "categories": ["physics.geo-ph"], "published": "2006-09-20"}
        """);
    importText("caves.jsonl", jsonl.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"keyword", "semantic", "hybrid"})
  void aMisspelledQueryIsSearchedCorrectedInEveryModeAndTheApiSaysSo(String mode) {
    JsonNode r = json("/api/search?mode=" + mode + "&q=" + q("stalagmtie dripwatr isotopes"));
    assertThat(r.get("correctedQuery").asString()).isEqualTo("stalagmite dripwater isotopes");
    assertThat(r.get("originalQuery").asString()).isEqualTo("stalagmtie dripwatr isotopes");
    assertThat(r.get("correctedWords").valueStream().map(JsonNode::asString))
        .containsExactly("stalagmite", "dripwater");
    assertThat(ids(r.get("results")).subList(0, 6))
        .allMatch(id -> id.startsWith("arxiv:2593.0000"));
  }

  @Test
  void searchingAsTypedCorrectsNothing() {
    JsonNode r = json("/api/search?mode=keyword&spelling=as-typed&q=" + q("stalagmtie"));
    assertThat(r.get("correctedQuery").isNull()).isTrue();
    assertThat(r.get("originalQuery").isNull()).isTrue();
    assertThat(r.get("notice").asString()).as("read fuzzily instead").contains("stalagmtie");
    assertThat(get("/api/search?spelling=maybe&q=cave").statusCode()).isEqualTo(400);
  }

  @Test
  void thePageShowsTheCorrectionAndItsLinkSearchesAsTyped() {
    String page = get("/search?q=" + q("stalagmtie dripwater <b>")).body();
    assertThat(page)
        .contains("Showing results for")
        .contains("<strong>stalagmite</strong> dripwater &lt;b&gt;")
        .contains("search instead for");
    assertThat(page.split("spelling=as-typed", -1))
        .as("only the search-instead link searches as typed")
        .hasSize(2);
    Matcher link = Pattern.compile("class=\"as-typed\" href=\"([^\"]+)\"").matcher(page);
    assertThat(link.find()).isTrue();
    String asTyped = get(link.group(1).replace("&amp;", "&")).body();
    assertThat(asTyped).doesNotContain("Showing results for").contains("stalagmtie dripwater");
    assertThat(asTyped)
        .as("the pager and feeds keep searching as typed")
        .contains("spelling=as-typed");
  }

  @Test
  void aReaderFollowsSearchInsteadForInTheBrowser() {
    WebDriver browser = Chromium.open(1200, 900);
    try {
      browser.get(baseUrl() + "/search?q=" + q("dripwatr"));
      assertThat(browser.findElement(By.cssSelector(".correction")).getText())
          .startsWith("Showing results for dripwater; search instead for dripwatr");
      assertThat(browser.findElement(By.cssSelector(".corrected-query strong")).getText())
          .isEqualTo("dripwater");
      browser.findElement(By.cssSelector("a.as-typed")).click();
      assertThat(browser.getCurrentUrl()).contains("spelling=as-typed");
      assertThat(browser.findElements(By.cssSelector(".correction"))).isEmpty();
    } finally {
      browser.quit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"keyword", "semantic", "hybrid"})
  void anExactTitleComesFirstUncorrectedAndTheRestFollow(String mode) {
    JsonNode r =
        json(
            "/api/search?mode="
                + mode
                + "&q="
                + q("speleothem clocks — dating STALAGMITES by flarbles!"));
    assertThat(ids(r.get("results")).get(0)).isEqualTo("arxiv:2593.00042");
    assertThat(r.get("results").size()).isGreaterThan(1);
    assertThat(r.get("correctedQuery").isNull()).isTrue();
    // A client that sorts by score keeps it first too.
    double first = r.get("results").get(0).get("score").asDouble();
    r.get("results")
        .forEach(hit -> assertThat(hit.get("score").asDouble()).isLessThanOrEqualTo(first));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2593.00042",
        "2593.00042v1",
        "arXiv:2593.00042v2",
        "https://arxiv.org/abs/2593.00042",
        "physics/0609876",
        "arxiv:physics/0609876v3"
      })
  void anArxivIdComesFirstInEveryMode(String id) {
    String expected = id.contains("physics") ? "arxiv:physics/0609876" : "arxiv:2593.00042";
    for (String mode : List.of("keyword", "semantic", "hybrid")) {
      JsonNode r = json("/api/search?mode=" + mode + "&q=" + q(id));
      assertThat(ids(r.get("results"))).as(mode).first().isEqualTo(expected);
    }
  }

  @Test
  void aMisspelledQueryThatCorrectsToKnownWordsIsNoLongerNothingByWords() {
    JsonNode r = json("/api/search?q=" + q("monsons dripwatr"));
    assertThat(r.get("correctedQuery").asString()).isEqualTo("monsoons dripwater");
    assertThat(r.get("total").asLong()).isPositive();
    assertThat(r.get("closest")).isEmpty();
    assertThat(r.get("notice").isNull()).isTrue();
    assertThat(ids(r.get("results")).get(0)).startsWith("arxiv:2593.0000");
  }

  @Test
  void hostileQueriesAreAnsweredAtBoundedCost() {
    String thousand = "stalagmtie ".repeat(90).strip();
    JsonNode many = json("/api/search?q=" + q(thousand));
    assertThat(many.get("correctedWords")).hasSize(Spelling.MAX_WORDS);
    JsonNode longWord = json("/api/search?q=" + q("s" + "t".repeat(900) + "alagmite"));
    assertThat(longWord.get("correctedQuery").isNull()).isTrue();
    JsonNode control = json("/api/search?q=" + q("stalagmtie\u0000dripwatr"));
    assertThat(control.get("correctedQuery").asString()).isEqualTo("stalagmite dripwater");
  }

  private static List<String> ids(JsonNode results) {
    List<String> ids = new ArrayList<>();
    results.forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }
}
