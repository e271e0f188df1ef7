package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs links and cookies: {@code PAPERBOY_SECRET} when set, else generated on first
 * start into the data directory, readable by its owner only. Never logged.
 */
public final class SigningKey {

  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key;
  }

  static SigningKey load(String secret, Path file) {
    if (secret != null && !secret.isBlank()) {
      return new SigningKey(secret.getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.writeString(
            file,
            Base64.getEncoder().encodeToString(fresh),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        restrict(file);
      }
      return new SigningKey(Base64.getDecoder().decode(Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the signing key " + file, e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data directory's own permissions apply
    }
  }

  /** A copy, so no caller can change the key. */
  public byte[] bytes() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "SigningKey[hidden]";
  }
}
