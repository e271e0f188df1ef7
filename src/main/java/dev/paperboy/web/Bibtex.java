package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Papers as BibTeX entries that reference managers and LaTeX read back: arXiv papers as
 * {@code @misc} with eprint fields (or {@code @article} when a journal is known), titles in double
 * braces to keep their case, LaTeX math kept as written, and the characters BibTeX and LaTeX treat
 * specially escaped outside math.
 */
final class Bibtex {

  private Bibtex() {}

  static String of(List<Paper> papers) {
    StringBuilder out = new StringBuilder();
    Set<String> keys = new HashSet<>();
    for (Paper p : papers) {
      out.append(entry(p, unique(key(p), keys))).append('\n');
    }
    return out.toString();
  }

  private static String entry(Paper p, String key) {
    boolean article = p.journalRef() != null;
    StringBuilder e = new StringBuilder("@" + (article ? "article" : "misc") + "{" + key + ",\n");
    field(e, "title", "{" + escape(p.title()) + "}");
    field(e, "author", String.join(" and ", p.authors().stream().map(Bibtex::name).toList()));
    if (p.published() != null) {
      field(e, "year", String.valueOf(p.published().getYear()));
      field(e, "month", p.published().getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT));
    }
    if (article) {
      field(e, "journal", escape(p.journalRef()));
    }
    if (p.id().isArxiv()) {
      field(e, "eprint", p.id().value());
      field(e, "archivePrefix", "arXiv");
      if (p.primaryCategory() != null) {
        field(e, "primaryClass", escape(p.primaryCategory()));
      }
    }
    if (p.links().doi() != null) {
      field(e, "doi", escape(p.links().doi()));
    }
    String url = p.links().abstractPage() != null ? p.links().abstractPage() : p.links().pdf();
    if (url != null) {
      field(e, "url", url.replace("{", "%7B").replace("}", "%7D"));
    }
    e.setLength(e.length() - 2);
    return e.append("\n}\n").toString();
  }

  private static void field(StringBuilder e, String name, String value) {
    e.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /** "Jürgen Schölkopf" → "Schölkopf, Jürgen": BibTeX splits names on " and " and commas. */
  private static String name(Author a) {
    String n = escape(a.name()).replace(" and ", " {and} ");
    int space = n.lastIndexOf(' ');
    return space < 0 ? n : n.substring(space + 1) + ", " + n.substring(0, space);
  }

  /**
   * Escapes &amp; % # _ outside $…$ math, and braces that do not balance (a stray brace would end
   * the field early).
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    boolean math = false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && (i == 0 || text.charAt(i - 1) != '\\')) {
        math = !math;
      }
      if (c == '{') {
        if (closes(text, i)) {
          depth++;
          out.append(c);
        } else {
          out.append("\\{");
        }
        continue;
      }
      if (c == '}') {
        if (depth > 0) {
          depth--;
          out.append(c);
        } else {
          out.append("\\}");
        }
        continue;
      }
      if (!math && "&%#_".indexOf(c) >= 0 && (i == 0 || text.charAt(i - 1) != '\\')) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean closes(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}' && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  private static String key(Paper p) {
    String surname =
        p.authors().isEmpty()
            ? "anon"
            : p.authors().get(0).name().substring(p.authors().get(0).name().lastIndexOf(' ') + 1);
    String word = p.title().split("\\s+")[0];
    return ascii(surname) + (p.published() == null ? "" : p.published().getYear()) + ascii(word);
  }

  private static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD)
        .replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String unique(String key, Set<String> used) {
    String k = key.isEmpty() ? "paper" : key;
    String candidate = k;
    for (char suffix = 'a'; !used.add(candidate); suffix++) {
      candidate = k + suffix;
    }
    return candidate;
  }
}
