package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as a real database: no connection without a password, the application as
 * a role that cannot run programs, writes synced to disk, an older trusting cluster upgraded in
 * place, and a stale pid file that never gets an unrelated process killed.
 */
class EmbeddedDatabaseIT {

  @TempDir static Path shared;
  private static DataDirectory dir;
  private static EmbeddedDatabase database;

  @TempDir Path scratch;

  @BeforeAll
  static void start() {
    dir = new DataDirectory(shared).create();
    database = EmbeddedDatabase.start(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    database.close();
  }

  private static Connection asApplication() throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), database.username(), database.password());
  }

  private static String show(String setting) throws SQLException {
    try (Connection c = asApplication();
        var rows = c.createStatement().executeQuery("show " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void aConnectionWithoutThePasswordIsRefused() {
    for (String user : List.of(CatalogRole.NAME, "postgres")) {
      assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), user, null).close())
          .as(user + " without a password")
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(
              () -> DriverManager.getConnection(database.jdbcUrl(), user, "postgres").close())
          .as(user + " with a guessed password")
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void aLocalPsqlWithoutThePasswordIsRefusedOverLoopbackAndTheSocket() throws Exception {
    Optional<Path> psql = onPath("psql");
    org.junit.jupiter.api.Assumptions.assumeTrue(psql.isPresent(), "psql is not installed");
    // postmaster.pid's fifth line: the directory of the server's Unix socket
    String socketDirectory = Files.readAllLines(dir.postgres().resolve("postmaster.pid")).get(4);
    for (String host : List.of("127.0.0.1", socketDirectory)) {
      Psql run = psql(psql.get(), host, "select 1");
      assertThat(run.status()).as("psql -h " + host).isNotZero();
      assertThat(run.output()).containsIgnoringCase("password");
    }
  }

  @Test
  void theApplicationsRoleIsNoSuperuserAndCannotRunPrograms() throws Exception {
    Path proof = scratch.resolve("ran");
    try (Connection c = asApplication();
        Statement sql = c.createStatement()) {
      var rows =
          sql.executeQuery(
              "select rolsuper, rolcreaterole from pg_roles where rolname = current_user");
      rows.next();
      assertThat(rows.getBoolean(1)).as("superuser").isFalse();
      assertThat(rows.getBoolean(2)).as("may create roles").isFalse();
      assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'touch " + proof + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> sql.execute("create role intruder superuser"))
          .hasMessageContaining("permission denied");
    }
    assertThat(proof).doesNotExist();
  }

  @Test
  void writesAreSyncedToDisk() throws SQLException {
    assertThat(show("fsync")).isEqualTo("on");
    assertThat(show("full_page_writes")).isEqualTo("on");
  }

  @Test
  void thePasswordFilesAreReadableByTheirOwnerOnly() throws IOException {
    for (Path file : List.of(dir.databasePassword(), dir.databaseAdminPassword())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
    try (Stream<Path> files = Files.list(dir.root())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void anOlderTrustingClusterIsUpgradedInPlaceAndKeepsItsPapers() throws Exception {
    DataDirectory older = new DataDirectory(scratch.resolve("older")).create();
    writeClusterAsTheOlderVersionDid(older);

    try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(older);
        Connection c =
            DriverManager.getConnection(
                upgraded.jdbcUrl(), upgraded.username(), upgraded.password())) {
      // The migrations left (those after V6) run as the application's role on tables the
      // superuser created.
      int applied =
          Flyway.configure()
              .dataSource(upgraded.jdbcUrl(), upgraded.username(), upgraded.password())
              .load()
              .migrate()
              .migrationsExecuted;
      assertThat(applied).isGreaterThanOrEqualTo(1);
      assertThat(titles(c)).containsExactly("Kept Across The Upgrade");
      c.createStatement()
          .execute(
              "insert into outbox (message_id, recipient, kind, subject, text_body)"
                  + " values ('<m@x>', 'a@example.org', 'confirm', 's', 't')");
      var owners =
          c.createStatement()
              .executeQuery(
                  "select count(*) from pg_class where relnamespace = 'public'::regnamespace"
                      + " and relowner <> current_user::regrole");
      owners.next();
      assertThat(owners.getInt(1)).as("objects not owned by the application").isZero();
      assertThatThrownBy(
              () -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", null).close())
          .hasMessageContaining("password");
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(older);
        Connection c =
            DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password())) {
      assertThat(titles(c)).containsExactly("Kept Across The Upgrade");
    }
  }

  /** As before passwords: zonky's defaults (trust, no password) and the catalog as superuser. */
  private static void writeClusterAsTheOlderVersionDid(DataDirectory older) throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(older.postgres())
            .setCleanDataDirectory(false)
            .start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Flyway.configure().dataSource(url, "postgres", "").target("6").load().migrate();
      try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
        c.createStatement()
            .execute(
                "insert into paper (id, title, title_key) values"
                    + " ('arxiv:2401.00001', 'Kept Across The Upgrade', 'kept across the upgrade')");
      }
    }
  }

  private static List<String> titles(Connection c) throws SQLException {
    List<String> titles = new ArrayList<>();
    try (var rows = c.createStatement().executeQuery("select title from paper")) {
      while (rows.next()) {
        titles.add(rows.getString(1));
      }
    }
    return titles;
  }

  @Test
  void aPidFileNamingAnUnrelatedProcessLeavesItAlone() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "600").start();
    try {
      Path cluster = pidFileFor(sleeper.pid());
      OrphanedPostmaster.stopIfAny(cluster);
      assertThat(sleeper.isAlive()).isTrue();
    } finally {
      sleeper.destroy();
    }
  }

  @Test
  void aPidFileNamingThePostmasterOfAnotherClusterLeavesItAlone() throws Exception {
    long running = postmasterPid(dir.postgres());
    OrphanedPostmaster.stopIfAny(pidFileFor(running));
    assertThat(ProcessHandle.of(running)).get().matches(ProcessHandle::isAlive);
    assertThat(show("fsync")).isEqualTo("on");
  }

  @Test
  void anOrphanedPostmasterOfOurClusterIsStopped() throws Exception {
    Path cluster = scratch.resolve("orphaned");
    EmbeddedPostgres orphan =
        EmbeddedPostgres.builder()
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .start();
    long pid = postmasterPid(cluster);
    OrphanedPostmaster.stopIfAny(cluster);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    orphan.close();
  }

  private Path pidFileFor(long pid) throws IOException {
    Path cluster = Files.createDirectories(scratch.resolve("cluster-" + pid));
    Files.writeString(cluster.resolve("postmaster.pid"), pid + "\n" + cluster + "\n");
    return cluster;
  }

  private static long postmasterPid(Path cluster) throws IOException {
    return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
  }

  private record Psql(int status, String output) {}

  /** Runs psql with no password from anywhere: no PGPASSWORD, no ~/.pgpass, never a prompt. */
  private static Psql psql(Path psql, String host, String command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                psql.toString(),
                "-w",
                "-h",
                host,
                "-p",
                String.valueOf(database.port()),
                "-U",
                CatalogRole.NAME,
                "-d",
                CatalogRole.DATABASE,
                "-c",
                command)
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("PGPASSFILE", "/nonexistent");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Psql(process.waitFor(), output);
  }

  private static Optional<Path> onPath(String program) {
    return Stream.of(System.getenv("PATH").split(":"))
        .map(directory -> Path.of(directory, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
