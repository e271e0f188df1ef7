package dev.paperboy.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our cluster by an owner that was killed (kill -9 leaves it no chance
 * to stop it); it would block this start. We hold the data directory's lock, so any server on our
 * cluster is such an orphan. But {@code postmaster.pid} may be stale and its pid reused by an
 * unrelated process, so only a {@code postgres} process serving this very cluster is signalled.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

  private OrphanedPostmaster() {}

  /** Stops the server named by the cluster's {@code postmaster.pid}, if it is really ours. */
  static void stopIfAny(Path cluster) {
    Path pidFile = cluster.resolve("postmaster.pid");
    pid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .ifPresent(
            process -> {
              if (serves(process, cluster)) {
                stop(process);
              } else {
                log.warn(
                    "{} names pid {}, which is not a PostgreSQL server of this cluster;"
                        + " leaving it alone",
                    pidFile,
                    process.pid());
              }
            });
  }

  private static Optional<Long> pid(Path pidFile) {
    if (!Files.isReadable(pidFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    } catch (IOException | RuntimeException e) {
      log.warn("Could not read {}: {}", pidFile, e.getMessage());
      return Optional.empty();
    }
  }

  /** Whether {@code process} is a postgres server started with {@code -D cluster}. */
  private static boolean serves(ProcessHandle process, Path cluster) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command()
            .map(command -> Path.of(command).getFileName().toString())
            .filter(name -> name.equals("postgres") || name.equals("postmaster"))
            .isPresent();
    List<String> args = info.arguments().map(List::of).orElse(List.of());
    int flag = args.indexOf("-D");
    return postgres && flag >= 0 && flag + 1 < args.size() && same(args.get(flag + 1), cluster);
  }

  private static boolean same(String dataDirectory, Path cluster) {
    try {
      return Files.isSameFile(Path.of(dataDirectory), cluster);
    } catch (IOException e) {
      return false;
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
}
