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
    return s == null ? null : SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Like {@link #normalizeSpace} but maps blank to null, for optional fields. */
  public static String emptyToNull(String s) {
    String n = normalizeSpace(s);
    return n == null || n.isEmpty() ? null : n;
  }

  /**
   * A key under which two spellings of one title meet: accents folded, case and punctuation
   * dropped. Used for dedupe across sources and for "exact title" search.
   */
  public static String titleKey(String title) {
    if (title == null) {
      return "";
    }
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return NOT_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
