package dev.paperboy.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 run from the binaries inside the jar, with its cluster in the data directory
 * so papers survive restarts. Used when no {@code PAPERBOY_DB_URL} is set.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(DataDirectory dir) {
    stopOrphan(dir.postgres().resolve("postmaster.pid"));
    try {
      log.info("Starting embedded PostgreSQL in {}", dir.postgres());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.postgres())
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "40")
              .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir.postgres(), e);
    }
  }

  /**
   * A PostgreSQL left running by an owner that was killed (kill -9 leaves no chance to stop it)
   * would block this start. We hold the data directory's lock, so any server on our cluster is such
   * an orphan: ask it to shut down, and insist if it does not.
   */
  private static void stopOrphan(Path pidFile) {
    if (!Files.isReadable(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(EmbeddedDatabase::stop);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not read {}: {}", pidFile, e.getMessage());
    }
  }

  private static void stop(ProcessHandle orphan) {
    log.warn("Stopping an orphaned PostgreSQL (pid {}) left by an earlier run", orphan.pid());
    orphan.destroy();
    try {
      orphan.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      orphan.destroyForcibly();
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
