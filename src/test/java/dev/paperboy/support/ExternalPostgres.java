package dev.paperboy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL server the operator runs, outside the application: a standalone one started by the
 * test's own JVM, with a database and a non-superuser role for Paperboy, reached by URL and
 * password as a managed database would be ({@code PAPERBOY_DB_URL}, {@code _USERNAME}, {@code
 * _PASSWORD}).
 */
public final class ExternalPostgres implements AutoCloseable {

  private static final String DATABASE = "paperboy";
  private static final String ROLE = "paperboy_site";
  private static final String PASSWORD = "cluster-" + java.util.UUID.randomUUID();

  private final EmbeddedPostgres server;

  private ExternalPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a fresh server in {@code dir}, with room for the connection pools of many instances. */
  public static ExternalPostgres start(Path dir) {
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "300")
              .start();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement sql = c.createStatement()) {
        sql.execute("create role " + ROLE + " login password '" + PASSWORD + "'");
        sql.execute("create database " + DATABASE + " owner " + ROLE);
      }
      return new ExternalPostgres(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
  }

  /** What each instance is given to reach the catalog. */
  public Map<String, String> environment() {
    return Map.of(
        "PAPERBOY_DB_URL", jdbcUrl(),
        "PAPERBOY_DB_USERNAME", ROLE,
        "PAPERBOY_DB_PASSWORD", PASSWORD);
  }

  /** A connection as the application's role, for a test's own SQL. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), ROLE, PASSWORD);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
