package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every path under the data directory ({@code PAPERBOY_DATA_DIR}, default {@code ./data}) is
 * decided here and nowhere else.
 */
public record DataDirectory(Path root) {

  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  /** The data directory named by the environment, as both the server and the CLI see it. */
  public static DataDirectory fromEnvironment() {
    String dir = System.getenv("PAPERBOY_DATA_DIR");
    return new DataDirectory(Path.of(dir == null || dir.isBlank() ? "data" : dir));
  }

  /**
   * A data directory of this process alone, deleted when it exits: for a command on an external
   * database, which keeps nothing of its own between runs.
   */
  public static DataDirectory scratch() {
    try {
      Path root = Files.createTempDirectory("paperboy-command-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(root), "paperboy-scratch-cleanup"));
      return new DataDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Only a temporary directory is left behind.
    }
  }

  /** The embedded PostgreSQL cluster. */
  public Path postgres() {
    return root.resolve("postgres");
  }

  /**
   * The password of the embedded PostgreSQL's superuser, used only to set up the catalog's role.
   */
  public Path databaseAdminPassword() {
    return root.resolve("postgres-superuser.password");
  }

  /** The password the application's own role uses to reach the embedded PostgreSQL. */
  public Path databasePassword() {
    return root.resolve("postgres.password");
  }

  /**
   * The Lucene index: derived data, rebuilt from the catalog by {@code reindex}. This is where the
   * first one lives; a reindex builds the next beside it ({@link #index(String)}) and names the
   * live one in {@link #liveIndex}.
   */
  public Path index() {
    return root.resolve("index");
  }

  /** An index directory beside {@link #index()}, by its name. */
  public Path index(String name) {
    if (!name.matches("index(-[0-9]+)?")) {
      throw new IllegalArgumentException("not an index directory's name: " + name);
    }
    return root.resolve(name);
  }

  /** A small file naming the index directory in use; absent, it is {@link #index()}. */
  public Path liveIndex() {
    return root.resolve("index.live");
  }

  /** Held (as an OS file lock) by the one process that owns the database and index. */
  public Path lockFile() {
    return root.resolve("paperboy.lock");
  }

  /** The key that signs links and cookies, when PAPERBOY_SECRET does not give one. */
  public Path signingKey() {
    return root.resolve("secret.key");
  }

  /**
   * The operator token: the credential the CLI sends to a running server, readable by its owner
   * only.
   */
  public Path operatorToken() {
    return root.resolve("operator.token");
  }

  /** Written by a running server: how other processes on this machine reach it. */
  public Path serverFile() {
    return root.resolve("server.json");
  }

  public DataDirectory create() {
    try {
      Files.createDirectories(root);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + root, e);
    }
  }
}
