package dev.paperboy.trending;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.support.SharedApplicationTest;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Past trending lists on the real server: signals placed on given days count in that day's list
 * only, the lists link to each other, and their feeds parse.
 */
class TrendingPeriodsIT extends SharedApplicationTest {

  private static final Pattern PREVIOUS =
      Pattern.compile("<a[^>]*rel=\"prev\"[^>]*href=\"([^\"]+)\"");
  private static final Pattern NEXT = Pattern.compile("<a[^>]*rel=\"next\"[^>]*href=\"([^\"]+)\"");

  /** A day well in the past, so that no midnight during the test moves it. */
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(10);

  private static final String VOTED = "arxiv:2611.40001";
  private static final String UPVOTED = "arxiv:2611.40002";
  private static final String NEW_ON_DAY = "arxiv:2611.40003";

  /** One reader for the whole class: an address is confirmed only once. */
  private static Reader voter;

  @BeforeEach
  void papersAndSignalsOnGivenDays() {
    LocalDate old = DAY.minusDays(30);
    importText(
        "periods.jsonl",
        String.format(
            """
            {"id": "2611.40001", "title": "Voted On The Day", "abstract": "Periods.", "authors": ["Ann Day"], "categories": ["cs.LG"], "published": "%s"}
            {"id": "2611.40002", "title": "Upvoted The Day Before", "abstract": "Periods.", "authors": ["Bo Eve"], "categories": ["cs.LG"], "published": "%s"}
            {"id": "2611.40003", "title": "Published On The Day", "abstract": "Periods.", "authors": ["Cy New"], "categories": ["cs.LG"], "published": "%s"}
            """,
            old, old, DAY));
    jdbcClient.sql("delete from vote where paper_id like 'arxiv:2611.4000%'").update();
    jdbcClient.sql("delete from paper_signal where paper_id like 'arxiv:2611.4000%'").update();
    if (voter == null) {
      voter = signIn("period-voter@example.org");
    }
    postForm("/vote", voter, "paper=" + VOTED + "&action=up");
    jdbcClient
        .sql("update vote set created_at = ?, weight = 1 where paper_id = ?")
        .params(Timestamp.from(at(DAY, 12)), VOTED)
        .update();
    jdbcClient
        .sql(
            "insert into paper_signal (paper_id, source, kind, value, observed_at)"
                + " values (?, 'huggingface', 'upvotes', 7, ?)")
        .params(UPVOTED, Timestamp.from(at(DAY.minusDays(1), 9)))
        .update();
    jdbcClient.sql("delete from paper_view where paper_id like 'arxiv:2611.4000%'").update();
    jdbcClient
        .sql("insert into paper_view (paper_id, day, views) values (?, ?, 3)")
        .params(VOTED, DAY.minusDays(2))
        .update();
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  private List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("results").forEach(r -> ids.add(r.get("id").asString()));
    return ids;
  }

  @Test
  void signalsGivenOnAPastDayPutPapersInThatDaysListOnly() {
    List<String> day = ids(json("/api/trending?date=" + DAY));
    assertThat(day).contains(VOTED, NEW_ON_DAY).doesNotContain(UPVOTED);
    List<String> dayBefore = ids(json("/api/trending?date=" + DAY.minusDays(1)));
    // The paper published on the day had not appeared yet the day before.
    assertThat(dayBefore).contains(UPVOTED).doesNotContain(VOTED, NEW_ON_DAY);
    // Views count on the day they were counted, like every other signal.
    assertThat(ids(json("/api/trending?date=" + DAY.minusDays(2))))
        .contains(VOTED)
        .doesNotContain(UPVOTED, NEW_ON_DAY);
    assertThat(ids(json("/api/trending?date=" + DAY.plusDays(1))))
        .doesNotContain(VOTED, UPVOTED, NEW_ON_DAY);
    String week =
        String.format(
            "%d-W%02d",
            DAY.get(IsoFields.WEEK_BASED_YEAR), DAY.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    assertThat(ids(json("/api/trending?week=" + week))).contains(VOTED);
    assertThat(ids(json("/api/trending?month=" + DAY.toString().substring(0, 7))))
        .contains(NEW_ON_DAY);
    assertThat(get("/trending/" + DAY).body())
        .contains("Voted On The Day")
        .doesNotContain("Upvoted The Day Before");
  }

  @Test
  void aPastListIsScoredAsOfItsEndByTheOneScore() {
    JsonNode answer = json("/api/trending?date=" + DAY);
    assertThat(answer.get("period").asString()).isEqualTo(DAY.toString());
    assertThat(answer.get("end").asString()).isEqualTo(at(DAY.plusDays(1), 0).toString());
    double expected = TrendingScore.of(1, 0, 0, at(DAY.minusDays(30), 0), at(DAY.plusDays(1), 0));
    JsonNode voted = null;
    for (JsonNode r : answer.get("results")) {
      if (r.get("id").asString().equals(VOTED)) {
        voted = r;
      }
    }
    assertThat(voted).isNotNull();
    assertThat(voted.get("votes").asDouble()).isEqualTo(1.0);
    assertThat(voted.get("score").asDouble())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void previousAndNextLinksLeadThroughPastDaysAndNeverIntoTheFuture() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String yesterday = link(PREVIOUS, get("/trending"));
    assertThat(yesterday).isEqualTo("/trending/" + today.minusDays(1));
    assertThat(link(NEXT, get(yesterday))).isEqualTo("/trending");
    assertThat(link(PREVIOUS, get(yesterday))).isEqualTo("/trending/" + today.minusDays(2));
    assertThat(get("/trending").body()).doesNotContain("rel=\"next\"");
    assertThat(get("/trending/" + today).body()).doesNotContain("rel=\"next\"");
    String lastWeek = link(PREVIOUS, get("/trending/week"));
    assertThat(lastWeek).startsWith("/trending/week/");
    assertThat(link(NEXT, get(lastWeek))).isEqualTo("/trending/week");
    String lastMonth = link(PREVIOUS, get("/trending/month"));
    assertThat(lastMonth)
        .isEqualTo("/trending/month/" + today.minusMonths(1).toString().substring(0, 7));
    assertThat(get(lastMonth).statusCode()).isEqualTo(200);
  }

  private String link(Pattern rel, HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = rel.matcher(page.body());
    assertThat(m.find()).as("a %s link", rel).isTrue();
    return m.group(1);
  }

  @Test
  void aPastDaysFeedsParseAndListThatDaysPapers() throws Exception {
    for (String format : new String[] {"atom", "rss"}) {
      SyndFeed feed =
          new SyndFeedInput()
              .build(new StringReader(get("/feed/trending." + format + "?date=" + DAY).body()));
      assertThat(feed.getLink()).endsWith("/trending/" + DAY);
      assertThat(feed.getEntries())
          .extracting(SyndEntry::getTitle)
          .contains("Voted On The Day")
          .doesNotContain("Upvoted The Day Before");
    }
  }

  @Test
  void badOrFarPeriodsAnswerOurErrorPageNeverA5xx() {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    for (String path :
        List.of("/trending/2026-13-45", "/trending/week/2026-W60", "/trending/month/2026-1")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(400);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }
    for (String path :
        List.of("/trending/" + tomorrow, "/trending/1980-01-01", "/trending/month/2999-01")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(get("/api/trending?date=2026-13-45").statusCode()).isEqualTo(400);
    assertThat(get("/api/trending?date=" + DAY + "&week=2026-W01").statusCode()).isEqualTo(400);
    assertThat(get("/feed/trending.atom?week=2026-W60").statusCode()).isEqualTo(400);
  }
}
