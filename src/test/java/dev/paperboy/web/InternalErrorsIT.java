package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.PaperboyIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failure on our side — here the catalog's table gone from under a running server, so every query
 * of it fails in PostgreSQL — answers 500 in the route's format with a message that tells the
 * client nothing about our insides: no exception class, no SQL, no table name.
 */
class InternalErrorsIT extends PaperboyIntegrationTest {

  static final Path OWN_DATA = tempDir();
  static final String PAPER = "arxiv:2410.21271";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
  }

  @BeforeEach
  void breakTheCatalog() {
    importFixture("arxiv-api.atom");
    jdbcClient.sql("alter table paper rename to paper_moved_away").update();
  }

  @AfterEach
  void mendTheCatalog() {
    jdbcClient.sql("alter table paper_moved_away rename to paper").update();
  }

  @Test
  void aDatabaseFailureAnswersAGenericMessageInEveryFormat() {
    Map<String, String> formats =
        Map.of(
            "/api/papers/" + PAPER, "application/json",
            "/papers/" + PAPER, "text/html",
            "/export/bibtex?id=" + PAPER, "text/plain");
    formats.forEach(
        (path, type) -> {
          HttpResponse<String> r = get(path);
          assertThat(r.statusCode()).as(path).isEqualTo(500);
          assertThat(r.headers().firstValue("Content-Type"))
              .as(path)
              .get()
              .asString()
              .startsWith(type);
          assertThat(r.body())
              .as(path)
              .contains("something went wrong on our side")
              .doesNotContainIgnoringCase("exception")
              .doesNotContainIgnoringCase("select ")
              .doesNotContainIgnoringCase("sql")
              .doesNotContain("paper_moved_away", "org.springframework", "java.", "relation");
        });
  }
}
