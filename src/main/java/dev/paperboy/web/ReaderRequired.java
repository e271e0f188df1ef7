package dev.paperboy.web;

/**
 * The JSON API was asked for something that is a reader's own, by no reader: no session and no
 * token, or a personal API token that is unknown or revoked (401).
 */
final class ReaderRequired extends RuntimeException {

  static final String NO_READER =
      "sign in, or send a personal API token (Settings, API tokens) as Authorization: Bearer"
          + " <token>";
  static final String BAD_TOKEN =
      "this API token is unknown or revoked; send a live personal API token as Authorization:"
          + " Bearer <token>";

  ReaderRequired(String message) {
    super(message);
  }
}
