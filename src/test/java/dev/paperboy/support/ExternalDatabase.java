package dev.paperboy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server outside the application, as an operator runs one: a standalone server started
 * by the test's own JVM. Each {@link #create}d database is owned by a role of its own, not a
 * superuser, and is reached by URL and password as a managed database would be ({@code
 * PAPERBOY_DB_URL}, {@code _USERNAME}, {@code _PASSWORD}); every instance on it gets the same
 * {@link #SECRET}, each its own data directory.
 */
public final class ExternalDatabase implements AutoCloseable {

  /** The shared signing key every instance on this server is given. */
  public static final String SECRET = "an-integration-test-secret-of-more-than-32-bytes";

  private final EmbeddedPostgres server;

  private ExternalDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a fresh server in a directory of its own choosing. */
  public static ExternalDatabase start() {
    return start(null);
  }

  /**
   * Starts a fresh server in {@code dir} (null: a temporary one), with room for the connection
   * pools of many instances.
   */
  public static ExternalDatabase start(Path dir) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
      if (dir != null) {
        builder.setDataDirectory(dir).setCleanDataDirectory(true);
      }
      return new ExternalDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty database {@code name}, owned by a new role of the same name. */
  public Database create(String name) {
    String password = "pw-" + UUID.randomUUID();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create role " + name + " login password '" + password + "'");
      s.execute("create database " + name + " owner " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new Database(
        "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name, name, password);
  }

  /** One database on the server and the role that owns it. */
  public record Database(String url, String username, String password) {

    /** What an instance is given, as environment variables, to serve this database. */
    public Map<String, String> environment() {
      return Map.of(
          "PAPERBOY_DB_URL", url,
          "PAPERBOY_DB_USERNAME", username,
          "PAPERBOY_DB_PASSWORD", password,
          "PAPERBOY_SECRET", SECRET);
    }

    /** The same, as properties for an instance started in this JVM. */
    public List<String> settings() {
      return new ArrayList<>(
          List.of(
              "paperboy.db.url=" + url,
              "paperboy.db.username=" + username,
              "paperboy.db.password=" + password,
              "paperboy.secret=" + SECRET));
    }

    /** A connection as the owning role, for a test's own SQL. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }
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
