package dev.paperboy.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by every importer and by exact-title lookup. */
public final class Text {

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Text() {}

  /** Collapses runs of white space (arXiv wraps titles and abstracts) and trims; LaTeX is kept. */
  public static String normalizeSpace(String s) {
    if (s == null) {
      return null;
    }
    return isNormal(s) ? s : SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Most text is already clean: single spaces between words, none at the ends. */
  private static boolean isNormal(String s) {
    int n = s.length();
    if (n > 0 && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1)))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (i + 1 < n && Character.isWhitespace(s.charAt(i + 1))) {
          return false;
        }
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #normalizeSpace} but maps blank to null, for optional fields. */
  public static String emptyToNull(String s) {
    String n = normalizeSpace(s);
    return n == null || n.isEmpty() ? null : n;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * A key under which two spellings of one title meet: accents folded, case and punctuation
   * dropped. Used for dedupe across sources and for "exact title" search.
   */
  public static String titleKey(String title) {
    if (title == null) {
      return "";
    }
    String folded =
        isAscii(title)
            ? title
            : Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return NOT_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
