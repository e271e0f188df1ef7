package dev.paperboy.web;

/** A reader's own address asked for without a signed-in reader; {@link ErrorHandling} says 401. */
final class SignInRequired extends RuntimeException {

  SignInRequired() {
    super("sign in first: this address acts on a reader's own library");
  }
}
