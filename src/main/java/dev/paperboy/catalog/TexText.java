package dev.paperboy.catalog;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeX text-mode markup in titles and author names ({@code S\~ao}, {@code B\"uttiker}, {@code \&},
 * {@code {\o}}, {@code --}) decoded to the Unicode a reader expects, for display only: the catalog
 * keeps what the source wrote, and math between dollars is left for KaTeX.
 */
public final class TexText {

  // Math is kept whole: $$...$$, $...$ and \(...\), with \$ an escaped dollar, not a delimiter.
  private static final Pattern MATH =
      Pattern.compile(
          "(?<!\\\\)\\$\\$.+?(?<!\\\\)\\$\\$|(?<!\\\\)\\$.+?(?<!\\\\)\\$|\\\\\\(.+?\\\\\\)",
          Pattern.DOTALL);
  private static final Pattern SYMBOL_ACCENT =
      Pattern.compile("\\\\(['`^\"~=.])\\s*(?:\\{\\s*(\\\\?[A-Za-z])\\s*\\}|(\\\\?[A-Za-z]))");
  private static final Pattern LETTER_ACCENT =
      Pattern.compile("\\\\([cvuHkr])(?:\\s*\\{\\s*(\\\\?[A-Za-z])\\s*\\}|\\s+([A-Za-z]))");
  private static final Pattern LETTER =
      Pattern.compile("\\\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\\{\\}| (?=\\S))?");
  private static final Pattern TEXT_COMMAND =
      Pattern.compile("\\\\(?:text(?:it|bf|tt|rm|sc|sf|up|md|sl|normal)?|emph|mbox)\\s*(?=\\{)");
  private static final Pattern ESCAPED = Pattern.compile("\\\\([&%_#])");
  private static final Pattern BRACE = Pattern.compile("(?<!\\\\)[{}]");
  private static final Pattern TIE = Pattern.compile("(?<!\\\\)~");
  private static final Pattern FONT =
      Pattern.compile("\\\\(?:math(?:cal|rm|bf|it|sf|tt|bb|frak)|text(?:rm|it|bf)?|operatorname)");

  private static final Map<String, String> COMBINING =
      Map.ofEntries(
          Map.entry("'", "\u0301"),
          Map.entry("`", "\u0300"),
          Map.entry("^", "\u0302"),
          Map.entry("\"", "\u0308"),
          Map.entry("~", "\u0303"),
          Map.entry("=", "\u0304"),
          Map.entry(".", "\u0307"),
          Map.entry("c", "\u0327"),
          Map.entry("v", "\u030C"),
          Map.entry("u", "\u0306"),
          Map.entry("H", "\u030B"),
          Map.entry("k", "\u0328"),
          Map.entry("r", "\u030A"));

  private static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"));

  private TexText() {}

  /** The text with TeX accents and text-mode commands decoded outside math; null stays null. */
  public static String decode(String text) {
    if (text == null || (text.indexOf('\\') < 0 && text.indexOf('{') < 0 && !hasDashOrTie(text))) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher math = MATH.matcher(text);
    int at = 0;
    while (math.find()) {
      out.append(decodeText(text.substring(at, math.start()))).append(math.group());
      at = math.end();
    }
    out.append(decodeText(text.substring(at)));
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * Decodes already escaped HTML (a search's highlighted title): an escaped {@code \&amp;} and the
   * {@code \&quot;} of an umlaut are taken back to their TeX first; null stays null.
   */
  public static String decodeHtml(String html) {
    return html == null
        ? null
        : decode(html.replace("\\&amp;", "&amp;").replace("\\&quot;", "\\\""));
  }

  /**
   * The text for places that render no math and no markup, such as a page's {@code <title>}:
   * decoded as {@link #decode} does, with math kept as its TeX source less the dollars and font
   * commands.
   */
  public static String plain(String text) {
    if (text == null) {
      return null;
    }
    String decoded = decode(text);
    StringBuilder out = new StringBuilder();
    Matcher math = MATH.matcher(decoded);
    int at = 0;
    while (math.find()) {
      out.append(decoded, at, math.start()).append(mathSource(math.group()));
      at = math.end();
    }
    out.append(decoded.substring(at));
    return out.toString().replace("\\$", "$").strip();
  }

  private static String mathSource(String math) {
    String inner = math.replaceAll("^(\\$\\$|\\$|\\\\\\()|(\\$\\$|\\$|\\\\\\))$", "");
    return BRACE.matcher(FONT.matcher(inner).replaceAll("")).replaceAll("").strip();
  }

  private static boolean hasDashOrTie(String text) {
    return text.contains("--") || text.indexOf('~') >= 0;
  }

  private static String decodeText(String text) {
    String s = replace(SYMBOL_ACCENT, text, m -> accented(m.group(1), m.group(2), m.group(3)));
    s = replace(LETTER_ACCENT, s, m -> accented(m.group(1), m.group(2), m.group(3)));
    s = replace(LETTER, s, m -> LETTERS.get(m.group(1)));
    s = TEXT_COMMAND.matcher(s).replaceAll("");
    s = replace(ESCAPED, s, m -> m.group(1));
    s = BRACE.matcher(s).replaceAll("");
    s = TIE.matcher(s).replaceAll("\u00A0");
    return s.replace("---", "—").replace("--", "–");
  }

  private static String accented(String accent, String braced, String bare) {
    String letter = braced != null ? braced : bare;
    // A dotless i or j under an accent is how TeX writes an accented i or j.
    String base = letter.equals("\\i") ? "i" : letter.equals("\\j") ? "j" : letter;
    if (base.startsWith("\\")) {
      String symbol = LETTERS.get(base.substring(1));
      base = symbol != null ? symbol : base.substring(1);
    }
    return base + COMBINING.get(accent);
  }

  private static String replace(
      Pattern pattern,
      String text,
      java.util.function.Function<java.util.regex.MatchResult, String> by) {
    return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
  }
}
