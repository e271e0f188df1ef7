package dev.paperboy.web;

/** An operator endpoint named a reader by an address that has no account (404). */
final class NoSuchAccount extends RuntimeException {

  static final String MESSAGE = "no account with that address";

  NoSuchAccount() {
    super(MESSAGE);
  }
}
