package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KeywordSearchIT extends SharedApplicationTest {

  @BeforeEach
  void papers() {
    importFixture("arxiv-api.atom");
    importFixture("oai-arxiv.xml");
    importFixture("papers.jsonl");
  }

  private List<String> ids(String query) {
    List<String> ids = new ArrayList<>();
    json("/api/search?mode=keyword&size=50&q=" + q(query))
        .get("results")
        .forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void findsAPaperByAWordOfItsAbstract() {
    assertThat(ids("gating")).containsExactly("arxiv:2410.21271");
    assertThat(ids("wakefields")).containsExactly("arxiv:physics/0601001");
  }

  @Test
  void findsByAuthorSurnameWithOrWithoutTheFieldAndWithoutAccents() {
    assertThat(ids("okafor")).containsExactly("arxiv:2410.21271");
    assertThat(ids("author:Okafor")).containsExactly("arxiv:2410.21271");
    assertThat(ids("author:scholkopf")).containsExactly("arxiv:hep-th/9901001");
    assertThat(ids("author:\"Ada Quinlan\"")).containsExactly("arxiv:2410.21271");
    assertThat(ids("author:\"Quinlan Ada\"")).isEmpty();
  }

  @Test
  void aQuotedPhraseKeepsWordOrder() {
    assertThat(ids("\"sparse mixture-of-experts transformers\"")).contains("arxiv:2410.21271");
    assertThat(ids("\"transformers sparse mixture\"")).isEmpty();
  }

  @Test
  void categoryFilterHonoursFullCategoriesAndArchives() {
    assertThat(ids("cat:hep-th")).containsExactly("arxiv:hep-th/9901001");
    assertThat(ids("routing cat:cs.LG")).containsExactly("arxiv:2410.21271");
    assertThat(ids("routing cat:hep-th")).isEmpty();
    assertThat(ids("cat:cs"))
        .contains("arxiv:2410.21271", "arxiv:2411.00001")
        .doesNotContain("arxiv:hep-th/9901001");
    assertThat(json("/api/search?mode=keyword&q=routing&cat=math.GT").get("total").asInt())
        .isZero();
  }

  @Test
  void exclusionsRemovePapers() {
    assertThat(ids("knot")).contains("arxiv:math.GT/0309136");
    assertThat(ids("knot -torus")).doesNotContain("arxiv:math.GT/0309136");
    assertThat(ids("retrieval -cat:cs.IR")).doesNotContain("arxiv:2411.00001");
  }

  @Test
  void stemmingMatchesOtherFormsOfAWord() {
    assertThat(ids("simulating wakefield")).containsExactly("arxiv:physics/0601001");
  }

  @Test
  void dateRangeFiltersByPublication() {
    JsonNode recent = json("/api/search?mode=keyword&q=" + q("cat:hep-th") + "&from=2000-01-01");
    assertThat(recent.get("total").asInt()).isZero();
    JsonNode old =
        json("/api/search?mode=keyword&q=" + q("cat:hep-th") + "&from=1999-01-01&to=1999-12-31");
    assertThat(old.get("total").asInt()).isEqualTo(1);
  }

  @Test
  void anArxivIdInAnySpellingPutsThatPaperFirst() {
    assertThat(ids("2410.21271v2").get(0)).isEqualTo("arxiv:2410.21271");
    assertThat(ids("https://arxiv.org/abs/hep-th/9901001").get(0))
        .isEqualTo("arxiv:hep-th/9901001");
  }

  @Test
  void anExactTitlePutsThatPaperFirst() {
    importText(
        "rival.jsonl",
        "{\"title\": \"Knots, knots, knots: twisted torus knots and"
            + " Floer homology of knots\", \"abstract\": \"knot floer homology twisted torus knot\"}\n");
    assertThat(ids("knot floer homology of twisted torus knots").get(0))
        .isEqualTo("arxiv:math.GT/0309136");
  }

  @Test
  void aMultiWordQueryWithNoPaperHavingAllWordsFallsBackToAnyWordAndSaysSo() {
    JsonNode r = json("/api/search?mode=keyword&q=" + q("wakefield zebrafish"));
    assertThat(r.get("total").asInt()).isEqualTo(1);
    assertThat(r.get("notice").asString()).contains("some");
  }

  @Test
  void resultsHaveTheContractedShape() {
    JsonNode r = json("/api/search?q=gating&mode=keyword");
    JsonNode hit = r.get("results").get(0);
    assertThat(r.get("total").asInt()).isEqualTo(1);
    assertThat(hit.get("abstract").asString()).contains("$k \\ll n$");
    assertThat(hit.get("authors").get(0).asString()).isEqualTo("Ada Quinlan");
    assertThat(hit.get("published").asString()).isEqualTo("2024-10-28");
    assertThat(hit.get("categories").toString()).isEqualTo("[\"cs.CL\",\"cs.LG\"]");
    assertThat(hit.get("score").asDouble()).isPositive();
  }

  @Test
  void pagingWalksThroughAllResults() {
    JsonNode page1 = json("/api/search?mode=keyword&q=" + q("cat:cs") + "&size=1&page=1");
    JsonNode page2 = json("/api/search?mode=keyword&q=" + q("cat:cs") + "&size=1&page=2");
    assertThat(page1.get("total").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(page1.get("results").get(0).get("id"))
        .isNotEqualTo(page2.get("results").get(0).get("id"));
  }

  @Test
  void unbalancedQuotesBracketsAndOperatorsNeverCauseA500() {
    String[] nasty = {
      "\"routing",
      "routing\"",
      "((routing",
      "routing)]}",
      "[",
      "{",
      "*",
      "?",
      "~",
      "^2",
      "\\",
      "AND OR NOT",
      ":",
      "author:",
      "cat:",
      "-",
      "--",
      "\"\"",
      "title:\"",
      "a:b:c",
      "routing~2",
      "rout*",
      "/",
      "'",
      "%",
      "<script>",
      "$\\mathcal{O}$",
      "\u0000",
      "😀",
      "author:\"",
      "-\"",
      "cat:\"cs.CL"
    };
    for (String query : nasty) {
      HttpResponse<String> r = get("/api/search?q=" + q(query));
      assertThat(r.statusCode()).as(query).isIn(200, 400);
      assertThat(JSON.readTree(r.body()).has(r.statusCode() == 200 ? "results" : "error"))
          .as(query)
          .isTrue();
    }
  }

  @Test
  void badParametersAreA400WithAJsonError() {
    for (String query :
        new String[] {
          "q=",
          "q=x&page=0",
          "q=x&size=1000",
          "q=x&page=abc",
          "q=x&from=yesterday",
          "q=x&from=2024-02-01&to=2024-01-01",
          "q=x&mode=fuzzy",
          "q=x&page=100000",
          "q=" + "a".repeat(1_001)
        }) {
      HttpResponse<String> r = get("/api/search?" + query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("error").asString()).as(query).isNotBlank();
    }
  }

  @Test
  void unknownPapersAndPathsAreJson404s() {
    for (String path :
        new String[] {"/api/papers/arxiv:9999.99999", "/api/papers/nonsense", "/api/nope"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(r.body()).get("error").asString()).as(path).isNotBlank();
    }
  }
}
