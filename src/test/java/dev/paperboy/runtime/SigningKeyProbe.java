package dev.paperboy.runtime;

import java.nio.file.Path;

/** A signing key for tests, from a given secret. */
public final class SigningKeyProbe {

  private SigningKeyProbe() {}

  public static SigningKey of(String secret) {
    return SigningKey.load(secret, Path.of("unused"));
  }
}
