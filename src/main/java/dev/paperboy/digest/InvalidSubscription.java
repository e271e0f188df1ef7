package dev.paperboy.digest;

import java.util.Locale;

/** A subscription request that cannot be accepted as given; the message says what to fix. */
public final class InvalidSubscription extends RuntimeException {

  /** The part of the request at fault, so a form can say so beside that field. */
  public enum Field {
    EMAIL,
    TOPICS,
    CADENCE,
    HOUR,
    ZONE;

    /** The form field's name. */
    public String formName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Field field;

  public InvalidSubscription(Field field, String message) {
    super(message);
    this.field = field;
  }

  public Field field() {
    return field;
  }
}
