package dev.paperboy.search;

import java.util.Locale;

/** How results are found: by words, by meaning, or both fused. */
public enum SearchMode {
  KEYWORD,
  SEMANTIC,
  HYBRID;

  public static SearchMode parse(String text) {
    if (text == null || text.isBlank()) {
      return HYBRID;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQuery("mode must be keyword, semantic or hybrid");
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
