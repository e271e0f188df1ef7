package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The paper page of a 533-author paper imported from arXiv-style JSON Lines and Hugging Face. */
class PaperPageIT extends CardCatalogTest {

  private static final String HERD = "/papers/arxiv:2411.70001";

  @Test
  void readersVotesAndImportedUpvotesAreOneCountExplained() {
    for (String who :
        new String[] {"herd-1@example.org", "herd-2@example.org", "herd-3@example.org"}) {
      Reader reader = signIn(who);
      assertThat(postForm("/vote", reader, "paper=arxiv:2411.70001&action=up").statusCode())
          .isEqualTo(302);
    }
    Document page = Jsoup.parse(get(HERD).body());
    assertThat(page.select(".paper-actions .votes").text()).isEqualTo("12 votes");
    assertThat(page.select(".tally-explained").text())
        .startsWith("12 votes: 3 from readers here, 9 upvotes on Hugging Face")
        .contains("1200 GitHub stars", "4 comments");
    assertThat(page.select(".details").text()).doesNotContain("huggingface upvotes");
  }

  @Test
  void aLongAuthorListIsFoldedAfterTheFirstTen() {
    Document page = Jsoup.parse(get(HERD).body());
    assertThat(page.select("#authors > .author-list > li")).hasSize(10);
    assertThat(page.select("#authors details.more-authors summary").text())
        .isEqualTo("and 523 more authors");
    assertThat(page.select("#authors details.more-authors li")).hasSize(523);
    assertThat(page.select("#authors details.more-authors").hasAttr("open")).isFalse();
  }

  @Test
  void texAccentsInNamesAndTitlesAreDecodedAndTheMathIsKept() {
    Document page = Jsoup.parse(get(HERD).body());
    assertThat(page.select("#authors > .author-list > li a").eachText())
        .startsWith("João São Pedro", "Markus Büttiker", "François René");
    assertThat(page.select("h1").text())
        .isEqualTo("The Herd of Models: Scaling a Dense Transformer to $405$B Parameters & Beyond");
    // The search behind a name looks for it as it reads, and finds the paper, as does the name
    // typed plainly.
    assertThat(page.select("#authors a").first().attr("href")).contains("author:");
    for (String q : new String[] {"author:\"Markus Büttiker\"", "author:buttiker", "Büttiker"}) {
      assertThat(json("/api/search?mode=keyword&q=" + encode(q)).get("results").toString())
          .as(q)
          .contains("The Herd of Models");
    }
  }

  private static String encode(String q) {
    return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theTitleElementIsPlainTextWithoutDollars() {
    String title = Jsoup.parse(get(HERD).body()).title();
    assertThat(title)
        .isEqualTo(
            "The Herd of Models: Scaling a Dense Transformer to 405B Parameters & Beyond"
                + " · Paperboy")
        .doesNotContain("$", "\\");
  }

  @Test
  void projectCodeAndHuggingFaceLinksFromAnImportAreShownAndOnlyWebLinksSurvive() {
    Document page = Jsoup.parse(get(HERD).body());
    assertThat(page.select(".links a").eachAttr("href"))
        .contains(
            "https://herd.example.org/",
            "https://github.com/example/herd",
            "https://huggingface.co/papers/2411.70001");
    assertThat(page.select(".links a").eachText())
        .contains("Project page", "Code", "On Hugging Face");
    String other = get("/papers/arxiv:2411.70002").body();
    assertThat(other).doesNotContain("javascript:").doesNotContain("Project page");
  }

  @Test
  void cardsInAListShortenTheAuthorsAndShowTheCounts() {
    Document home = Jsoup.parse(get("/search?q=" + q("Herd of Models")).body());
    var card = home.select("article.card").first();
    assertThat(card).isNotNull();
    assertThat(card.select(".authors").text())
        .isEqualTo("João São Pedro, Markus Büttiker, François René et al. (+530 more)");
    assertThat(card.select(".more-authors").attr("href")).endsWith(HERD + "#authors");
    assertThat(card.select(".signals").text()).contains("votes", "1,200 GitHub stars");
    assertThat(card.select(".fold summary .abstract")).hasSize(1);
  }

  @Test
  void votingOrSavingFromACardReturnsToTheListButNeverToAnotherSite() {
    Reader reader = signIn("card-voter@example.org");
    String list = "/?window=new&page=1";
    var voted = postForm("/vote", reader, "paper=arxiv:2411.70002&back=" + q(list));
    assertThat(voted.headers().firstValue("Location")).get().asString().endsWith(list);
    var saved = postForm("/save", reader, "paper=arxiv:2411.70002&back=" + q("//evil.example/"));
    assertThat(saved.headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/papers/arxiv:2411.70002")
        .doesNotContain("evil");
    Document anonymous = Jsoup.parse(get(list).body());
    assertThat(anonymous.select("article.card form")).isEmpty();
    Document home =
        Jsoup.parse(
            send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + list))
                    .header("Cookie", reader.cookies())
                    .build())
                .body());
    assertThat(home.select("article.card")).hasSize(20);
    assertThat(home.select("article.card form[action=/vote] input[name=back]").eachAttr("value"))
        .hasSize(20)
        .allMatch(list::equals);
    var card = home.select("article.card:has(a[href$=arxiv:2411.70002])").first();
    assertThat(card.select("button").eachText())
        .containsExactly("Undo upvote", "Remove from library", "Not interested");
  }
}
