package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A small file that only its owner may read (mode 600), such as a key or a password. It is written
 * whole or not at all: into a private temporary file first, synced, then put in place, so a crash
 * never leaves a half-written or briefly world-readable secret.
 */
final class OwnerOnlyFile {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerOnlyFile() {}

  /** {@code bytes} random bytes as hex: safe to put in a file, a URL or an SQL literal. */
  static String randomHex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }

  static byte[] randomBytes(int count) {
    byte[] fresh = new byte[count];
    RANDOM.nextBytes(fresh);
    return fresh;
  }

  /** The file's text, stripped; empty when there is no such file. */
  static Optional<String> read(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      restrict(file);
      String text = Files.readString(file).strip();
      if (text.isEmpty()) {
        throw new IllegalStateException(file + " is empty; delete it to have a new one generated");
      }
      return Optional.of(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The file's text, written first from {@code fresh} when the file does not exist yet. */
  static String readOrCreate(Path file, Supplier<String> fresh) {
    return read(file).orElseGet(() -> create(file, fresh.get()));
  }

  /**
   * Writes {@code text} unless the file exists already, and returns what the file then holds: a
   * process that raced us to it wins, so two processes never end up with different keys.
   */
  static String create(Path file, String text) {
    Path temporary = writeTemporary(file, text);
    try {
      Files.createLink(file, temporary);
      return text;
    } catch (FileAlreadyExistsException e) {
      return read(file).orElseThrow();
    } catch (IOException | UnsupportedOperationException e) {
      return moveIntoPlace(temporary, file, text);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /** Writes {@code text}, replacing what the file held. */
  static void replace(Path file, String text) {
    moveIntoPlace(writeTemporary(file, text), file, text);
  }

  private static String moveIntoPlace(Path temporary, Path file, String text) {
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Path writeTemporary(Path file, String text) {
    try {
      Path temporary =
          Files.createTempFile(file.toAbsolutePath().getParent(), ".new-", ".tmp", ownerOnly(file));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      return temporary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    boolean posix =
        file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  /** An earlier version wrote the key first and restricted it after: close that gap now. */
  private static void restrict(Path file) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions apply
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is private and harmless
    }
  }
}
