package dev.paperboy.web;

/**
 * A page that is a reader's own was asked for with no one signed in: the browser is sent to the
 * sign-in page ({@link ErrorHandling}). The JSON API answers 401 instead ({@link ReaderRequired}).
 */
final class SignInRequired extends RuntimeException {

  SignInRequired() {
    super("sign in first", null, false, false);
  }
}
