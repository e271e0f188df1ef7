package dev.paperboy.search;

import dev.paperboy.runtime.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which index directory is live: the one named in {@link DataDirectory#liveIndex}, or the first one
 * when no reindex has swapped another in. The name is replaced atomically, so a restart opens
 * either the old index or the new one, never half of each.
 */
final class IndexDirectories {

  private static final Logger log = LoggerFactory.getLogger(IndexDirectories.class);

  private final DataDirectory data;

  IndexDirectories(DataDirectory data) {
    this.data = data;
  }

  Path live() throws IOException {
    Path pointer = data.liveIndex();
    if (!Files.exists(pointer)) {
      return data.index();
    }
    return data.index(Files.readString(pointer, StandardCharsets.UTF_8).strip());
  }

  /** A new, empty directory beside the live one. */
  Path next() throws IOException {
    Path next = data.index("index-" + System.currentTimeMillis());
    while (Files.exists(next)) {
      next =
          data.index("index-" + (Long.parseLong(next.getFileName().toString().substring(6)) + 1));
    }
    return Files.createDirectories(next);
  }

  void makeLive(Path index) throws IOException {
    Path written = data.root().resolve(data.liveIndex().getFileName() + ".new");
    Files.writeString(written, index.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    Files.move(written, data.liveIndex(), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Index directories left by a rebuild that did not finish, or by one whose old index stayed. */
  void removeAllBut(Path live) throws IOException {
    List<Path> others;
    try (Stream<Path> entries = Files.list(data.root())) {
      others =
          entries
              .filter(p -> p.getFileName().toString().matches("index(-[0-9]+)?"))
              .filter(p -> !p.equals(live))
              .toList();
    }
    for (Path other : others) {
      log.info("Removing the search index directory {}, not in use", other.getFileName());
      deleteTree(other);
    }
  }

  /**
   * Closes an index and deletes its directory. Searches still running on it keep their files open,
   * and an open file stays readable once deleted.
   */
  static void discard(LuceneIndex index) {
    try {
      index.close();
      deleteTree(index.path());
    } catch (IOException e) {
      log.warn("Could not remove the old search index {}: {}", index.path(), e.toString());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
