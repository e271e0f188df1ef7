package dev.paperboy.web;

import java.util.Map;

/**
 * The counts that explain a paper's rank: readers' votes here and imported upvotes, shown together
 * as one count of votes, beside the linked repository's stars and the comments where known.
 */
record Tally(long readers, long upvotes, long stars, long comments) {

  /** From the readers' votes and the catalog's signals of one paper (source/kind → value). */
  static Tally of(long readers, Map<String, Long> signals) {
    return new Tally(
        readers,
        sum(signals, " upvotes"),
        sum(signals, " github stars"),
        sum(signals, " comments"));
  }

  public long votes() {
    return readers + upvotes;
  }

  /** "12 votes: 3 from readers here, 9 upvotes on Hugging Face", or what part of it is known. */
  public String explained() {
    String total = votes() == 1 ? "1 vote" : votes() + " votes";
    if (upvotes == 0) {
      return readers == 0 ? "No votes yet" : total + " from readers here";
    }
    // Upvotes are imported from Hugging Face only: its daily papers are the one source that has
    // them.
    String imported = (upvotes == 1 ? "1 upvote" : upvotes + " upvotes") + " on Hugging Face";
    return readers == 0
        ? total + ": " + imported
        : total + ": " + readers + " from readers here, " + imported;
  }

  private static long sum(Map<String, Long> signals, String kind) {
    return signals.entrySet().stream()
        .filter(e -> e.getKey().endsWith(kind))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
