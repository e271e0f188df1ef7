package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.paperboy.support.PaperboyIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code PAPERBOY_SCHEDULE=false} stops fetching sources, and nothing else: with it, a serving
 * process still sends queued mail, makes the digests when they are due, embeds papers imported
 * without vectors and commits them to the index — all without anyone asking.
 */
class SourceScheduleOffIT extends PaperboyIntegrationTest {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = smtpSink(SMTP_PORT);
  static final Path OWN_DATA = tempDir();

  /** Every source at a port nobody listens on: a fetch would show in the request counters. */
  static final String CLOSED = "http://127.0.0.1:" + freePort();

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void backgroundJobsWithoutTheSourceSchedule(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
    registry.add("paperboy.sources.schedule", () -> "false");
    registry.add("paperboy.background-jobs", () -> "true");
    registry.add("paperboy.sources.tick", () -> "100ms");
    registry.add("paperboy.sources.arxiv-oai-url", () -> CLOSED + "/oai");
    registry.add("paperboy.sources.arxiv-api-url", () -> CLOSED + "/api/query");
    registry.add("paperboy.sources.arxiv-rss-url", () -> CLOSED + "/rss");
    registry.add("paperboy.sources.hf-api-url", () -> CLOSED + "/hf");
    registry.add("paperboy.mail.smtp-host", () -> "127.0.0.1");
    registry.add("paperboy.mail.smtp-port", () -> SMTP_PORT);
    registry.add("paperboy.mail.send-every", () -> "200ms");
    registry.add("paperboy.mail.digest-every", () -> "200ms");
  }

  @Autowired MeterRegistry meters;

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  private static List<String> subjects() {
    return Arrays.stream(SMTP.getReceivedMessages())
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private String confirmationToken(String email) {
    String text =
        jdbcClient
            .sql("select text_body from outbox where recipient = ? and kind = 'confirm'")
            .param(email)
            .query(String.class)
            .single();
    Matcher m = Pattern.compile("confirm\\?token=(\\S+)").matcher(text);
    assertThat(m.find()).as("a confirmation link in %s", text).isTrue();
    return m.group(1);
  }

  /** Papers in the committed index (on disk, as a restart would find it) that carry a vector. */
  private int committedWithVector(String id) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dataDirectory.index()))) {
      return new IndexSearcher(reader)
          .count(
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term(IndexFields.ID, id)), BooleanClause.Occur.FILTER)
                  .add(new FieldExistsQuery(IndexFields.VECTOR), BooleanClause.Occur.FILTER)
                  .build());
    }
  }

  private double sourceRequests() {
    return meters.find("paperboy.source.requests").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  @Test
  void mailDigestsAndTheIndexGoOnWhileNoSourceIsFetched() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    importer.importFile(
        "quiet.jsonl",
        new ByteArrayInputStream(
            ("{\"id\": \"2611.70001\", \"title\": \"Storm Tracks From Sparse Weather Stations\","
                    + " \"abstract\": \"Weather forecasting from few stations.\", \"published\":"
                    + " \""
                    + today
                    + "\", \"categories\": [\"cs.LG\"]}\n")
                .getBytes(StandardCharsets.UTF_8)),
        false);
    // Embedded in the background and committed, as `import --no-embeddings` promises.
    await().atMost(Duration.ofMinutes(2)).until(() -> committedWithVector("arxiv:2611.70001") == 1);

    String email = "quiet@example.org";
    subscriptions.subscribe(email, List.of("weather"), "UTC", "test-quiet");
    // The queued letter goes out with nobody calling the postman.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> subjects().contains("Confirm your Paperboy subscription"));

    subscriptions.confirm(confirmationToken(email));
    // From midnight on, in the subscriber's zone: due now.
    jdbcClient.sql("update subscriber set hour = 0").update();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> subjects().stream().anyMatch(s -> s.startsWith("Paperboy: 1 trending")));
    MimeMessage digest = SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1];
    assertThat(digest.getAllRecipients()[0].toString()).isEqualTo(email);

    assertThat(sourceRequests()).as("requests to sources").isZero();
    assertThat(
            jdbcClient
                .sql(
                    "select count(*) from source_state where last_success is not null"
                        + " or last_error is not null")
                .query(Long.class)
                .single())
        .as("sources run")
        .isZero();
  }
}
