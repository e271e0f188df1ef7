package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.ingest.Importer;
import dev.paperboy.support.ExternalDatabase;
import dev.paperboy.support.StartedApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code PAPERBOY_DB_REPLICA_URL}, read-only transactions read the replica and everything else
 * the primary. The "replica" here is a second database whose content differs on purpose (one paper
 * only it has), so the test can tell which one answered.
 */
class ReadReplicaIT {

  static final String ONLY_ON_REPLICA = "arxiv:2499.00777";

  static ExternalDatabase database;
  static ExternalDatabase.Database primary;
  static ExternalDatabase.Database replica;
  static StartedApplication instance;

  @BeforeAll
  static void start() throws SQLException {
    database = ExternalDatabase.start();
    primary = database.create("catalog_primary");
    replica = database.create("catalog_replica");
    // The replica has the same schema, as streaming replication would give it.
    Flyway.configure()
        .dataSource(replica.url(), replica.username(), replica.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    update(
        replica,
        "insert into paper (id, title, title_key) values (?, 'Only On The Replica',"
            + " 'only on the replica')",
        ONLY_ON_REPLICA);
    // A replica streamed from the primary knows the primary's roles.
    update(replica, "grant select on all tables in schema public to " + primary.username(), null);
    List<String> settings = primary.settings();
    // No user or password: the primary's are used.
    settings.add("paperboy.db.replica.url=" + replica.url());
    instance = StartedApplication.with(settings.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    instance.close();
    database.close();
  }

  @Test
  void aReadOnlyRequestIsAnsweredFromTheReplica() throws Exception {
    HttpResponse<String> paper =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(instance.baseUrl() + "/api/papers/" + ONLY_ON_REPLICA))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(paper.statusCode()).isEqualTo(200);
    assertThat(paper.body()).contains("Only On The Replica");
  }

  @Test
  void writesAndReadsOutsideReadOnlyTransactionsGoToThePrimary() throws SQLException {
    assertThat(instance.bean(Catalog.class).find(PaperId.parse(ONLY_ON_REPLICA).orElseThrow()))
        .isEmpty();
    String line =
        "{\"id\": \"2499.00778\", \"title\": \"Written To The Primary\", \"abstract\": \"A.\","
            + " \"authors\": [\"Pri Mary\"], \"categories\": [\"cs.DB\"], \"published\":"
            + " \"2026-11-01\"}\n";
    instance
        .bean(Importer.class)
        .importFile("one.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    assertThat(count(primary, "arxiv:2499.00778")).isEqualTo(1);
    assertThat(count(replica, "arxiv:2499.00778")).isZero();
  }

  private static void update(ExternalDatabase.Database db, String sql, String id)
      throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (id != null) {
        s.setString(1, id);
      }
      s.executeUpdate();
    }
  }

  private static long count(ExternalDatabase.Database db, String id) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement("select count(*) from paper where id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
