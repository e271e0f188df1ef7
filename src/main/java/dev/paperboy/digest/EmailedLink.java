package dev.paperboy.digest;

import java.util.Optional;

/**
 * What following an emailed link did: signed the reader in, found it used or replaced already (a
 * link works once), or found it no good at all (forged, expired, made for something else).
 */
public record EmailedLink(Outcome outcome, Optional<Subscriber> subscriber) {

  /** The three ways a link can go. */
  public enum Outcome {
    SIGNED_IN,
    SPENT,
    INVALID
  }

  static EmailedLink signedIn(Subscriber s) {
    return new EmailedLink(Outcome.SIGNED_IN, Optional.of(s));
  }

  static EmailedLink spent() {
    return new EmailedLink(Outcome.SPENT, Optional.empty());
  }

  static EmailedLink invalid() {
    return new EmailedLink(Outcome.INVALID, Optional.empty());
  }
}
