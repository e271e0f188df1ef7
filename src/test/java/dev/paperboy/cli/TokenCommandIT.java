package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.SharedApplicationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/paperboy token create|revoke EMAIL}, beside a running server (through it) and on a
 * data directory of its own, with the exit codes the README documents.
 */
class TokenCommandIT extends SharedApplicationTest {

  private HttpResponse<String> feedback(String token) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/feedback"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"id\":\"arxiv:2611.74001\",\"signal\":\"up\"}"))
            .build());
  }

  @Test
  void aTokenMadeOnTheCommandLineWorksUntilRevoked() {
    importText(
        "token-cli.jsonl",
        """
        {"id": "2611.74001", "title": "Tokens From A Terminal", "abstract": "Scripts act for readers.", "authors": ["Cli Ent"], "categories": ["cs.CR"], "published": "2026-11-22"}
        """);
    signIn("cli-token@example.org");
    CliRun made =
        CliRun.of(DATA_DIR, "token", "create", "CLI-Token@example.org", "--name", "nightly");
    assertThat(made.status()).isZero();
    String token = made.out().strip();
    assertThat(token).startsWith("pbt_").doesNotContain("\n");
    assertThat(made.err()).contains("shown this once");
    assertThat(feedback(token).statusCode()).isEqualTo(200);
    assertThat(
            jdbcClient
                .sql("select name from api_token where revoked_at is null and name = 'nightly'")
                .query(String.class)
                .list())
        .hasSize(1);

    CliRun revoked = CliRun.of(DATA_DIR, "token", "revoke", "cli-token@example.org");
    assertThat(revoked.status()).isZero();
    assertThat(revoked.out()).contains("1 token of cli-token@example.org revoked");
    assertThat(feedback(token).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownAddressIsOneClearLineAndAWrongCommandLineAUsageError() {
    CliRun unknown = CliRun.of(DATA_DIR, "token", "create", "nobody-here@example.org");
    assertThat(unknown.status()).isEqualTo(3);
    assertThat(unknown.err().strip())
        .isEqualTo("paperboy token: no account with the address nobody-here@example.org");
    assertThat(unknown.out()).isEmpty();
    assertThat(CliRun.of(DATA_DIR, "token", "revoke", "nobody-here@example.org").status())
        .isEqualTo(3);
    CliRun usage = CliRun.of(DATA_DIR, "token", "create");
    assertThat(usage.status()).isEqualTo(2);
    assertThat(usage.err()).contains("usage: paperboy token create EMAIL");
    assertThat(CliRun.of(DATA_DIR, "help").out()).contains("token create EMAIL [--name NAME]");
  }

  @Test
  void withoutAServerTheCommandWorksOnTheCatalogItself() throws Exception {
    Path own = Files.createTempDirectory("paperboy-token-");
    CliRun unknown = CliRun.of(own, "token", "revoke", "nobody-at-all@example.org");
    assertThat(unknown.status()).isEqualTo(3);
    assertThat(unknown.err().strip())
        .isEqualTo("paperboy token: no account with the address nobody-at-all@example.org");
  }
}
