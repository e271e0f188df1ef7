package dev.paperboy.runtime;

import java.nio.file.Path;

/** A signing key for tests, from a given secret. */
public final class SigningKeyProbe {

  private SigningKeyProbe() {}

  /** A key from {@code secret}, padded to the shortest length a real secret may have. */
  public static SigningKey of(String secret) {
    String padded = String.format("%-" + SigningKey.MIN_SECRET_BYTES + "s", secret);
    return SigningKey.load(padded, Path.of("unused"));
  }
}
