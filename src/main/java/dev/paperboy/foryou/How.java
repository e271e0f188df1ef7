package dev.paperboy.foryou;

/**
 * How a paper told us about a reader, as stored ({@code saved_paper.origin}, a vote, a feedback
 * signal): the first four make it a positive, the last two an explicit negative.
 */
public enum How {
  SAVED("saved", "you saved"),
  IMPORTED("imported", "you imported"),
  VOTED("voted", "you voted for"),
  UP("up", "you gave 👍 to"),
  DOWN("down", null),
  NOT_INTERESTED("not-interested", null);

  private final String stored;
  private final String phrase;

  How(String stored, String phrase) {
    this.stored = stored;
    this.phrase = phrase;
  }

  /** Its name, as {@link ReaderSignals#SIGNALS} and the JSON API give it: "saved", "up". */
  public String id() {
    return stored;
  }

  /** What follows "because" in a reason: "you saved". */
  public String phrase() {
    return phrase;
  }

  public boolean positive() {
    return phrase != null;
  }

  static How of(String stored) {
    for (How h : values()) {
      if (h.stored.equals(stored)) {
        return h;
      }
    }
    throw new IllegalArgumentException("unknown signal: " + stored);
  }
}
