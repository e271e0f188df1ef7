package dev.paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ordinary English words, so that spelling correction leaves alone a real word the catalog happens
 * not to use ("layoffs", "chilled"): the whole words of the default embedding model's WordPiece
 * vocabulary (uncased BERT, some 20,000 words), which ships in its Maven artifact.
 */
final class EnglishWords {

  /** Loaded once, on the first correction. */
  private static final class Loaded {
    static final Set<String> WORDS = load();
  }

  private EnglishWords() {}

  /**
   * True for a word of the vocabulary, or an inflection of one: the vocabulary has "tally", "sync"
   * and "devise" but not "tallies", "syncing" or "devising".
   */
  static boolean contains(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return Loaded.WORDS.contains(w) || baseForms(w).stream().anyMatch(Loaded.WORDS::contains);
  }

  /** An English ending and what it replaced: "tallies" was tally, "devising" devise or devis. */
  private static final String[][] ENDINGS = {
    {"ies", "y"},
    {"es", ""},
    {"s", ""},
    {"ing", ""},
    {"ing", "e"},
    {"ed", ""},
    {"ed", "e"},
    {"ers", ""},
    {"ers", "e"},
    {"er", ""},
    {"er", "e"}
  };

  private static List<String> baseForms(String w) {
    List<String> forms = new ArrayList<>();
    for (String[] ending : ENDINGS) {
      if (w.endsWith(ending[0]) && w.length() > ending[0].length() + 2) {
        forms.add(w.substring(0, w.length() - ending[0].length()) + ending[1]);
      }
    }
    return forms;
  }

  /** The vocabulary's whole words: not word pieces ({@code ##ing}), not special tokens. */
  private static Set<String> load() {
    try (InputStream in = EmbeddingModel.ALL_MINILM_L6_V2_Q.files().tokenizer()) {
      JsonNode vocab = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
      Set<String> words = new HashSet<>();
      vocab
          .propertyNames()
          .forEach(
              token -> {
                if (token.chars().allMatch(Character::isLetter)) {
                  words.add(token);
                }
              });
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
