package dev.paperboy.runtime;

/**
 * {@code PAPERBOY_SECRET} is missing or too short where it is needed; the message says what to set.
 */
public final class SecretRequired extends InvalidSetting {

  SecretRequired(String message) {
    super(message);
  }
}
