package dev.paperboy.search;

import java.util.List;

/**
 * A query whose misspelled words were corrected before it was searched: what the reader typed, what
 * was searched instead, and the searched text in parts, the corrected words marked.
 */
public record Correction(String original, String corrected, List<Part> parts) {

  /** A piece of the corrected query; {@code corrected} when it replaced a word as typed. */
  public record Part(String text, boolean corrected) {}

  public Correction {
    parts = List.copyOf(parts);
  }

  /** The words that were replaced, as corrected. */
  public List<String> correctedWords() {
    return parts.stream().filter(Part::corrected).map(Part::text).toList();
  }
}
