package dev.paperboy.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by every importer and by exact-title lookup. */
public final class Text {

  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Text() {}

  /** Collapses runs of white space (arXiv wraps titles and abstracts) and trims; LaTeX is kept. */
  public static String normalizeSpace(String s) {
    if (s == null) {
      return null;
    }
    return isNormal(s) ? s : collapseSpace(s).strip();
  }

  /**
   * Each run of ASCII white space (as regex {@code \\s}) becomes one space: a loop, because the
   * Kaggle snapshot wraps every abstract and a regex per field was a fifth of its parse.
   */
  private static String collapseSpace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString();
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

  /**
   * Removes what no text field may hold: NUL and the other C0 controls except tab, line feed and
   * carriage return, U+FFFE and U+FFFF, and unpaired surrogates. PostgreSQL refuses NUL in text and
   * XML 1.0 refuses the rest, so one such character would fail a whole batch or every feed that
   * shows the paper. Clean text (nearly all) is returned as the same instance.
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isIllegal(s, i, c)) {
        return cleanFrom(s, i);
      }
      if (Character.isHighSurrogate(c)) {
        i++; // its low surrogate was checked by isIllegal
      }
    }
    return s;
  }

  private static String cleanFrom(String s, int from) {
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, from);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isIllegal(s, i, c)) {
        continue;
      }
      out.append(c);
      if (Character.isHighSurrogate(c)) {
        out.append(s.charAt(++i));
      }
    }
    return out.toString();
  }

  /** Whether the char at {@code i} is one {@link #clean} drops; a paired high surrogate is kept. */
  private static boolean isIllegal(String s, int i, char c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\r';
    }
    if (c < Character.MIN_SURROGATE) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
  }

  /** A list with every element {@link #clean}ed. */
  public static java.util.List<String> clean(java.util.List<String> list) {
    if (list == null || list.stream().allMatch(x -> x == clean(x))) {
      return list;
    }
    return list.stream().map(Text::clean).toList();
  }

  /** Like {@link #normalizeSpace} but maps blank to null, for optional fields. */
  public static String emptyToNull(String s) {
    String n = normalizeSpace(clean(s));
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
