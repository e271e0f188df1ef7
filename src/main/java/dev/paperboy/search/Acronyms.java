package dev.paperboy.search;

import dev.paperboy.catalog.Paper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Acronyms as the corpus defines them: "retrieval-augmented generation (RAG)" teaches that RAG
 * means those words, so a search for RAG also finds papers that never write the acronym.
 */
@Component
class Acronyms {

  // An acronym in parentheses: 2–8 letters or digits with at least two capitals, plural s allowed.
  private static final Pattern DEFINED =
      Pattern.compile("\\(([A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*?)s?\\)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  // Every search asks about each of its words; remember the answers for a while. Another
  // instance's imports show here after at most FRESH_NANOS.
  private static final long FRESH_NANOS = 10L * 60 * 1_000_000_000;
  private static final int MAX_KNOWN = 50_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Map<String, List<String>> known = new ConcurrentHashMap<>();
  private volatile long knownSince = System.nanoTime();

  Acronyms(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The long forms a text defines, acronym (upper-case) → expansion (lower-case words). */
  static Map<String, String> definitions(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = DEFINED.matcher(text);
    while (m.find()) {
      String acronym = m.group(1);
      if (acronym.length() > 8) {
        continue;
      }
      String expansion = expansion(text.substring(0, m.start()), acronym);
      if (expansion != null) {
        found.putIfAbsent(acronym.toUpperCase(Locale.ROOT), expansion);
      }
    }
    return found;
  }

  /**
   * Walks back from the parenthesis over words (hyphenated parts count as words) whose initials
   * spell the acronym's letters, in order; null when they do not.
   */
  private static String expansion(String before, String acronym) {
    List<String> words = new ArrayList<>();
    Matcher w = WORD.matcher(before);
    while (w.find()) {
      words.add(w.group().toLowerCase(Locale.ROOT));
    }
    String letters = acronym.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    int need = letters.length() - 1;
    List<String> taken = new ArrayList<>();
    for (int i = words.size() - 1; i >= 0 && need >= 0; i--) {
      String word = words.get(i);
      if (word.charAt(0) == letters.charAt(need)) {
        need--;
      } else if (taken.isEmpty() || !isStopword(word)) {
        return null; // "of", "and", "for" may sit inside a long form without a letter of their own
      }
      taken.add(0, word);
      if (taken.size() > letters.length() + 3) {
        return null;
      }
    }
    return need < 0 && taken.size() >= 2 ? String.join(" ", taken) : null;
  }

  private static boolean isStopword(String word) {
    return switch (word) {
      case "of", "and", "for", "the", "to", "in", "on", "with", "a", "from", "by", "via", "over" ->
          true;
      default -> false;
    };
  }

  void learn(List<Paper> papers) {
    List<Object[]> rows = new ArrayList<>();
    for (Paper p : papers) {
      definitions(p.title() + " " + p.abstractText())
          .forEach(
              (acronym, expansion) ->
                  rows.add(new Object[] {acronym, expansion, p.id().toString()}));
    }
    template.batchUpdate(
        "insert into acronym (acronym, expansion, paper_id) values (?, ?, ?)"
            + " on conflict do nothing",
        rows);
    if (!rows.isEmpty()) {
      known.clear();
    }
  }

  void clear() {
    jdbc.sql("delete from acronym").update();
    known.clear();
  }

  /** The long forms of a word if the corpus defines it as an acronym, most used first. */
  List<String> expansions(String word) {
    // Acronyms are letters and digits; anything else (a NUL, which PostgreSQL refuses) is none.
    if (word.length() < 2
        || word.length() > 8
        || !word.chars().allMatch(Character::isLetterOrDigit)) {
      return List.of();
    }
    long now = System.nanoTime();
    if (now - knownSince > FRESH_NANOS || known.size() > MAX_KNOWN) {
      known.clear();
      knownSince = now;
    }
    return known.computeIfAbsent(word.toUpperCase(Locale.ROOT), this::lookUp);
  }

  private List<String> lookUp(String acronym) {
    return jdbc.sql(
            "select expansion from acronym where acronym = ? group by expansion"
                + " order by count(*) desc, expansion limit 2")
        .param(acronym)
        .query(String.class)
        .list();
  }
}
