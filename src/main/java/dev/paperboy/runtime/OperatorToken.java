package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The operator credential that the CLI on this machine sends to a running server: generated on
 * first start into the data directory, readable by its owner only, so whoever can read the data
 * directory may operate the server and nobody else. Never logged.
 */
@Component
public final class OperatorToken {

  private final byte[] value;

  OperatorToken(DataDirectory dir) {
    this.value = loadOrCreate(dir.operatorToken()).getBytes(StandardCharsets.UTF_8);
  }

  /** The token a running server on this data directory accepts, as the CLI reads it. */
  public static Optional<String> read(DataDirectory dir) {
    try {
      return Optional.of(Files.readString(dir.operatorToken()).strip()).filter(t -> !t.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code presented} is this token, compared in constant time. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
  }

  static String loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the operator token " + file, e);
    }
  }

  /**
   * Written whole under a temporary name with mode 600 from its creation, then renamed, so no
   * reader ever sees a partial token and no other user ever can read it.
   */
  private static void create(Path file) throws IOException {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    Path temporary = Files.createTempFile(file.getParent(), ".operator-token", ".tmp", ownerOnly());
    try {
      Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another process of ours wrote it first: theirs is as good
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    boolean posix =
        java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  @Override
  public String toString() {
    return "OperatorToken[hidden]";
  }
}
