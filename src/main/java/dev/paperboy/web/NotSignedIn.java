package dev.paperboy.web;

/** A reader's route asked without a signed-in reader: a 401, from {@link ErrorHandling}. */
class NotSignedIn extends RuntimeException {
  NotSignedIn() {
    super("sign in first: this asks for a reader's session");
  }
}
