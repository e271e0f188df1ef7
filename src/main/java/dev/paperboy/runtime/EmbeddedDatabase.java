package dev.paperboy.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 run from the binaries inside the jar, with its cluster in the data directory
 * so papers survive restarts. Used when no {@code PAPERBOY_DB_URL} is set. Every connection needs a
 * password, the application connects as {@link CatalogRole}, and writes are synced to disk.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final int PASSWORD_BYTES = 32;

  /**
   * Who may connect, rewritten at every start: anyone with the password, over loopback or the Unix
   * socket, and nobody without it (initdb's own file trusts every local user).
   */
  static final String CLIENT_AUTHENTICATION =
      """
      # Written by Paperboy at every start: every connection needs a password.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      local   all       all                 scram-sha-256
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static EmbeddedDatabase start(DataDirectory dir) {
    OrphanedPostmaster.stopIfAny(dir.postgres());
    if (Files.exists(dir.postgres().resolve("postgresql.conf"))
        && !Files.exists(dir.databaseAdminPassword())) {
      protectOlderCluster(dir);
    }
    String superuser =
        OwnerOnlyFile.readOrCreate(dir.databaseAdminPassword(), EmbeddedDatabase::fresh);
    EmbeddedPostgres postgres = run(dir, superuser, true);
    String password = OwnerOnlyFile.readOrCreate(dir.databasePassword(), EmbeddedDatabase::fresh);
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      CatalogRole.setUp(c, password);
    } catch (SQLException e) {
      closeQuietly(postgres);
      throw new IllegalStateException("cannot set up the catalog's role in " + dir.postgres(), e);
    }
    return new EmbeddedDatabase(postgres, password);
  }

  /**
   * A cluster written by an earlier version: it trusts every local connection and its superuser has
   * no password. Started once more as it is, the superuser gets one; only then is the password file
   * written, so a crash in between simply repeats this step.
   */
  private static void protectOlderCluster(DataDirectory dir) {
    if (!trustsLocalConnections(dir.postgres())) {
      throw new IllegalStateException(
          dir.databaseAdminPassword()
              + " is missing, so the embedded database cannot be opened; restore that file from"
              + " a backup of the data directory");
    }
    log.warn("Setting up password authentication in {}", dir.postgres());
    String superuser = fresh();
    EmbeddedPostgres postgres = run(dir, superuser, false);
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      CatalogRole.protectSuperuser(c, superuser);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set a password in " + dir.postgres(), e);
    } finally {
      closeQuietly(postgres);
    }
    OwnerOnlyFile.create(dir.databaseAdminPassword(), superuser);
  }

  private static boolean trustsLocalConnections(Path cluster) {
    try {
      return Files.readAllLines(cluster.resolve("pg_hba.conf")).stream()
          .map(String::strip)
          .anyMatch(line -> !line.startsWith("#") && line.endsWith("trust"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Starts the server; {@code requirePassword} rewrites its client authentication first. A new
   * cluster gets the superuser's password from initdb.
   */
  private static EmbeddedPostgres run(
      DataDirectory dir, String superuser, boolean requirePassword) {
    try {
      log.info("Starting embedded PostgreSQL in {}", dir.postgres());
      return EmbeddedPostgres.builder()
          .setDataDirectory(dir.postgres())
          .setCleanDataDirectory(false)
          // Only Spring stops it, before it releases the data directory (Owner). zonky's own hook
          // would race Spring's: whichever came second returned at once, mid-shutdown, and a
          // server waiting for the lock took the stopping postmaster for an orphan and killed it.
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "40")
          // zonky starts PostgreSQL as a throwaway test database: with -F (fsync off). A power cut
          // would then corrupt the cluster. These come after -F on the command line, so they win.
          .setServerConfig("fsync", "on")
          .setServerConfig("full_page_writes", "on")
          // May lose the last fraction of a second of commits after an OS crash; never corrupts.
          .setServerConfig("synchronous_commit", "off")
          // zonky hands its "locale" settings to initdb as --name=value, and nothing else does.
          .setLocaleConfig("pwfile", dir.databaseAdminPassword().toString())
          .setConnectConfig("password", superuser)
          .setDataDirectoryCustomizer(
              cluster -> {
                if (requirePassword) {
                  OwnerOnlyFile.replace(
                      cluster.toPath().resolve("pg_hba.conf"), CLIENT_AUTHENTICATION);
                }
              })
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir.postgres(), e);
    }
  }

  private static String fresh() {
    return OwnerOnlyFile.randomHex(PASSWORD_BYTES);
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Could not stop embedded PostgreSQL: {}", e.getMessage());
    }
  }

  int port() {
    return postgres.getPort();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + CatalogRole.DATABASE;
  }

  String username() {
    return CatalogRole.NAME;
  }

  String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
