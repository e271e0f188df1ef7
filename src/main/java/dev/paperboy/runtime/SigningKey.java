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

  /**
   * Refuses, before anything starts, a configuration that could not sign: on an external database
   * ({@code dbUrl} set) {@code secret} must be set and long enough.
   */
  public static void check(String dbUrl, String secret) {
    if (dbUrl != null && !dbUrl.isBlank()) {
      shared(secret);
    }
  }

  /**
   * The key of an instance on an external database: every instance must verify what the others
   * signed, so the key cannot be one generated into this instance's own data directory.
   */
  static SigningKey shared(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new SecretRequired(
          "PAPERBOY_SECRET is not set; with PAPERBOY_DB_URL every instance must share one signing"
              + " key: set PAPERBOY_SECRET to the same value of at least "
              + MIN_SECRET_BYTES
              + " bytes on each (for example the output of `openssl rand -base64 48`).");
    }
    return fromSecret(secret);
  }

  private static SigningKey fromSecret(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new SecretRequired(
          "PAPERBOY_SECRET is "
              + bytes.length
              + " bytes long; it must be at least "
              + MIN_SECRET_BYTES
              + " (for example the output of `openssl rand -base64 48`). Unset it to have a key"
              + " generated into the data directory (with the embedded database only).");
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
