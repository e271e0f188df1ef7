package dev.paperboy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server outside the application, as an operator runs one: instances started with
 * {@link #settings} use it through {@code PAPERBOY_DB_URL}, each on its own data directory.
 */
public final class ExternalDatabase implements AutoCloseable {

  /** The shared signing key every instance on this database is given. */
  public static final String SECRET = "an-integration-test-secret-of-more-than-32-bytes";

  private final EmbeddedPostgres server;

  private ExternalDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  public static ExternalDatabase start() {
    try {
      return new ExternalDatabase(
          EmbeddedPostgres.builder().setServerConfig("max_connections", "120").start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty database on the server and returns its JDBC URL. */
  public String create(String name) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  /** The settings that put an instance on database {@code url}, with the shared secret. */
  public static List<String> settings(String url) {
    return new ArrayList<>(
        List.of(
            "paperboy.db.url=" + url,
            "paperboy.db.username=postgres",
            "paperboy.db.password=postgres",
            "paperboy.secret=" + SECRET));
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
