package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links that leave a request — in feeds and in mail — name the configured site (here none is set,
 * so {@code http://localhost:PORT}), whatever {@code Host} the request claimed: a feed reader or a
 * mailbox would otherwise carry a stranger's address to every reader.
 */
class SiteAddressIT extends SharedApplicationTest {

  private static final String EVIL = "evil.example";
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>']+");

  @BeforeEach
  void papers() {
    importFixture("arxiv-api.atom");
  }

  private String site() {
    return "http://localhost:" + port;
  }

  private RawHttp.Answer fromEvil(String method, String target, byte[] body) throws Exception {
    Map<String, String> headers =
        body == null
            ? Map.of("Host", EVIL)
            : Map.of("Host", EVIL, "Content-Type", "application/json");
    return RawHttp.send(port, method, target, headers, body);
  }

  /** Every link of ours in a text: the URLs that are not the papers' own (arXiv, DOI) links. */
  private List<String> ourLinks(String text) {
    Matcher m = URL.matcher(text);
    return m.results()
        .map(r -> r.group())
        .filter(u -> !u.contains("arxiv.org") && !u.contains("w3.org") && !u.contains("purl.org"))
        .toList();
  }

  @Test
  void feedsLinkToTheConfiguredSiteWhateverHostTheRequestNames() throws Exception {
    for (String feed :
        List.of(
            "/feed/search.atom?q=routing",
            "/feed/search.rss?q=routing",
            "/feed/trending.atom?window=month",
            "/feed/trending.rss?window=month")) {
      RawHttp.Answer answer = fromEvil("GET", feed, null);
      assertThat(answer.status()).as(feed).isEqualTo(200);
      assertThat(answer.body()).as(feed).doesNotContain(EVIL);
      assertThat(ourLinks(answer.body())).as(feed).isNotEmpty().allMatch(u -> u.startsWith(site()));
    }
    assertThat(fromEvil("GET", "/feed/search.atom?q=routing", null).body())
        .contains(site() + "/papers/arxiv:");
  }

  @Test
  void mailedLinksNameTheSiteNotTheHostOfTheRequest() throws Exception {
    String email = "host-" + System.nanoTime() + "@example.org";
    RawHttp.Answer subscribed =
        fromEvil(
            "POST",
            "/api/subscriptions",
            ("{\"email\":\"" + email + "\",\"topics\":[\"routing\"]}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(subscribed.status()).isEqualTo(202);
    String letter =
        jdbcClient
            .sql("select text_body || html_body from outbox where recipient = ?")
            .param(email)
            .query(String.class)
            .single();
    assertThat(letter).doesNotContain(EVIL).contains(site() + "/confirm?token=");
    assertThat(ourLinks(letter)).isNotEmpty().allMatch(u -> u.startsWith(site()));
  }
}
