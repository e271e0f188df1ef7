package dev.paperboy.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The key that signs links and cookies: {@code PAPERBOY_SECRET} when set, else generated on first
 * start into the data directory, readable by its owner only. Never logged.
 */
public final class SigningKey {

  /**
   * The shortest {@code PAPERBOY_SECRET} accepted, in bytes: as long as the HMAC-SHA256 key it
   * becomes, so a guessable word cannot stand in for a key.
   */
  public static final int MIN_SECRET_BYTES = 32;

  private static final int GENERATED_BYTES = 32;

  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key;
  }

  static SigningKey load(String secret, Path file) {
    if (secret != null && !secret.isBlank()) {
      return fromSecret(secret);
    }
    String stored = OwnerOnlyFile.readOrCreate(file, SigningKey::generate);
    return new SigningKey(Base64.getDecoder().decode(stored));
  }

  private static SigningKey fromSecret(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "PAPERBOY_SECRET is "
              + bytes.length
              + " bytes long; it must be at least "
              + MIN_SECRET_BYTES
              + " (for example the output of `openssl rand -base64 48`). Unset it to have a key"
              + " generated into the data directory.");
    }
    return new SigningKey(bytes);
  }

  private static String generate() {
    return Base64.getEncoder().encodeToString(OwnerOnlyFile.randomBytes(GENERATED_BYTES));
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
