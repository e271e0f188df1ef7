package dev.paperboy.digest;

/** Too many mails asked for, from one client or to one address; try again later. */
public final class TooManyRequests extends RuntimeException {

  public TooManyRequests(String message) {
    super(message);
  }
}
