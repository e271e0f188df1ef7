package dev.paperboy.digest;

import java.util.Map;

/**
 * Turns the common LaTeX inside {@code $...$}, {@code $$...$$}, {@code \(...\)} and {@code \[...\]}
 * into Unicode text, for mail, where no script renders math: Greek letters, operators and
 * relations, blackboard and calligraphic capitals, and sub- and superscripts where Unicode has
 * them. A formula with a command it does not know is left exactly as written, delimiters and all,
 * since a half-converted formula reads worse than its source. Web pages keep KaTeX.
 */
final class MathText {

  private MathText() {}

  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("alpha", "α"),
          Map.entry("beta", "β"),
          Map.entry("gamma", "γ"),
          Map.entry("delta", "δ"),
          Map.entry("epsilon", "ε"),
          Map.entry("varepsilon", "ε"),
          Map.entry("zeta", "ζ"),
          Map.entry("eta", "η"),
          Map.entry("theta", "θ"),
          Map.entry("vartheta", "ϑ"),
          Map.entry("iota", "ι"),
          Map.entry("kappa", "κ"),
          Map.entry("lambda", "λ"),
          Map.entry("mu", "μ"),
          Map.entry("nu", "ν"),
          Map.entry("xi", "ξ"),
          Map.entry("pi", "π"),
          Map.entry("rho", "ρ"),
          Map.entry("varrho", "ϱ"),
          Map.entry("sigma", "σ"),
          Map.entry("tau", "τ"),
          Map.entry("upsilon", "υ"),
          Map.entry("phi", "φ"),
          Map.entry("varphi", "φ"),
          Map.entry("chi", "χ"),
          Map.entry("psi", "ψ"),
          Map.entry("omega", "ω"),
          Map.entry("Gamma", "Γ"),
          Map.entry("Delta", "Δ"),
          Map.entry("Theta", "Θ"),
          Map.entry("Lambda", "Λ"),
          Map.entry("Xi", "Ξ"),
          Map.entry("Pi", "Π"),
          Map.entry("Sigma", "Σ"),
          Map.entry("Upsilon", "Υ"),
          Map.entry("Phi", "Φ"),
          Map.entry("Psi", "Ψ"),
          Map.entry("Omega", "Ω"),
          Map.entry("times", "×"),
          Map.entry("cdot", "·"),
          Map.entry("cdots", "⋯"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("ll", "≪"),
          Map.entry("gg", "≫"),
          Map.entry("le", "≤"),
          Map.entry("leq", "≤"),
          Map.entry("ge", "≥"),
          Map.entry("geq", "≥"),
          Map.entry("neq", "≠"),
          Map.entry("ne", "≠"),
          Map.entry("approx", "≈"),
          Map.entry("sim", "∼"),
          Map.entry("simeq", "≃"),
          Map.entry("equiv", "≡"),
          Map.entry("propto", "∝"),
          Map.entry("infty", "∞"),
          Map.entry("pm", "±"),
          Map.entry("mp", "∓"),
          Map.entry("to", "→"),
          Map.entry("rightarrow", "→"),
          Map.entry("leftarrow", "←"),
          Map.entry("Rightarrow", "⇒"),
          Map.entry("Leftrightarrow", "⇔"),
          Map.entry("mapsto", "↦"),
          Map.entry("in", "∈"),
          Map.entry("notin", "∉"),
          Map.entry("subset", "⊂"),
          Map.entry("subseteq", "⊆"),
          Map.entry("cup", "∪"),
          Map.entry("cap", "∩"),
          Map.entry("forall", "∀"),
          Map.entry("exists", "∃"),
          Map.entry("emptyset", "∅"),
          Map.entry("sum", "∑"),
          Map.entry("prod", "∏"),
          Map.entry("int", "∫"),
          Map.entry("sqrt", "√"),
          Map.entry("partial", "∂"),
          Map.entry("nabla", "∇"),
          Map.entry("ell", "ℓ"),
          Map.entry("hbar", "ℏ"),
          Map.entry("top", "⊤"),
          Map.entry("perp", "⊥"),
          Map.entry("circ", "∘"),
          Map.entry("otimes", "⊗"),
          Map.entry("oplus", "⊕"),
          Map.entry("star", "⋆"),
          Map.entry("ast", "∗"),
          Map.entry("langle", "⟨"),
          Map.entry("rangle", "⟩"),
          Map.entry("vert", "|"),
          Map.entry("mid", "|"),
          Map.entry("log", "log"),
          Map.entry("ln", "ln"),
          Map.entry("exp", "exp"),
          Map.entry("sin", "sin"),
          Map.entry("cos", "cos"),
          Map.entry("max", "max"),
          Map.entry("min", "min"),
          Map.entry("arg", "arg"),
          Map.entry("lim", "lim"),
          Map.entry("det", "det"),
          Map.entry("left", ""),
          Map.entry("right", ""),
          Map.entry("quad", " "),
          Map.entry("qquad", " "));

  /** Commands whose one argument is shown as plain text. */
  private static final java.util.Set<String> PLAIN =
      java.util.Set.of(
          "mathrm",
          "text",
          "textbf",
          "textit",
          "mathbf",
          "mathit",
          "emph",
          "operatorname",
          "mathsf",
          "texttt",
          "boldsymbol",
          "bm");

  private static final String SUPERSCRIPT_FROM =
      "0123456789+-−=()niabcdefghjklmoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθφχ⊤";
  private static final String SUPERSCRIPT_TO =
      "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᵠᵡᵀ";
  private static final String SUBSCRIPT_FROM = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
  private static final String SUBSCRIPT_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";

  /** Blackboard capitals with their own code points, outside the mathematical alphanumerics. */
  private static final Map<Character, String> BLACKBOARD =
      Map.of('C', "ℂ", 'H', "ℍ", 'N', "ℕ", 'P', "ℙ", 'Q', "ℚ", 'R', "ℝ", 'Z', "ℤ");

  /** Script capitals with their own code points, outside the mathematical alphanumerics. */
  private static final Map<Character, String> SCRIPT =
      Map.of('B', "ℬ", 'E', "ℰ", 'F', "ℱ", 'H', "ℋ", 'I', "ℐ", 'L', "ℒ", 'M', "ℳ", 'R', "ℛ");

  /** The text with every formula it can read converted; everything else as it was. */
  static String plain(String text) {
    if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      String open = null;
      String close = null;
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '(' || next == '[') {
          open = text.substring(i, i + 2);
          close = next == '(' ? "\\)" : "\\]";
        } else {
          // An escaped character outside math (\$, \%) stays as written.
          out.append(c).append(next);
          i += 2;
          continue;
        }
      } else if (c == '$') {
        open = text.startsWith("$$", i) ? "$$" : "$";
        close = open;
      }
      int end = open == null ? -1 : closing(text, i + open.length(), close);
      if (end < 0) {
        out.append(c);
        i++;
        continue;
      }
      String source = text.substring(i, end + close.length());
      String converted = formula(text.substring(i + open.length(), end));
      out.append(converted == null ? source : converted);
      i = end + close.length();
    }
    return out.toString();
  }

  /**
   * Where the formula opened before {@code from} closes, skipping escaped characters. A single
   * {@code $} follows Pandoc's rule, so prices ("$5 and $10") stay text: no space just inside
   * either dollar, and no digit just after the closing one.
   */
  private static int closing(String text, int from, String close) {
    if (close.equals("$") && (from >= text.length() || Character.isWhitespace(text.charAt(from)))) {
      return -1;
    }
    for (int j = from; j < text.length(); j++) {
      if (text.startsWith(close, j)) {
        if (!close.equals("$")) {
          return j > from ? j : -1;
        }
        boolean spaceBefore = Character.isWhitespace(text.charAt(j - 1));
        boolean digitAfter = j + 1 < text.length() && Character.isDigit(text.charAt(j + 1));
        return spaceBefore || digitAfter ? -1 : j;
      }
      if (text.charAt(j) == '\\') {
        j++;
      }
    }
    return -1;
  }

  /** A formula's content as Unicode text, or null when it has something this class cannot read. */
  static String formula(String tex) {
    Reader reader = new Reader(tex);
    String text = reader.group(false);
    return reader.failed || reader.at < tex.length() ? null : text.strip();
  }

  /** A recursive reading of one formula. */
  private static final class Reader {
    private final String tex;
    private int at;
    private boolean failed;

    Reader(String tex) {
      this.tex = tex;
    }

    /** Reads up to the end, or up to the closing brace of a group when {@code braced}. */
    String group(boolean braced) {
      StringBuilder out = new StringBuilder();
      while (at < tex.length() && !failed) {
        char c = tex.charAt(at);
        if (c == '}') {
          if (braced) {
            at++;
            return out.toString();
          }
          failed = true;
          break;
        }
        out.append(atom());
      }
      if (braced) {
        failed = true;
      }
      return out.toString();
    }

    /** One letter, symbol, command with its argument, group, or script. */
    private String atom() {
      char c = tex.charAt(at++);
      switch (c) {
        case '{':
          return group(true);
        case '~':
          return " ";
        case '\'':
          return "′";
        case '^':
          return script(SUPERSCRIPT_FROM, SUPERSCRIPT_TO, "^");
        case '_':
          return script(SUBSCRIPT_FROM, SUBSCRIPT_TO, "_");
        case '\\':
          return command();
        default:
          return String.valueOf(c);
      }
    }

    private String command() {
      if (at >= tex.length()) {
        failed = true;
        return "";
      }
      int start = at;
      while (at < tex.length() && Character.isLetter(tex.charAt(at))) {
        at++;
      }
      if (at == start) {
        char c = tex.charAt(at++);
        return switch (c) {
          case ',', ';', ':', ' ' -> " ";
          case '!' -> "";
          case '{', '}', '%', '_', '&', '#', '$', '|' -> String.valueOf(c);
          default -> fail();
        };
      }
      String name = tex.substring(start, at);
      if (name.equals("mathbb") || name.equals("mathcal")) {
        return letters(argument(), name.equals("mathbb"));
      }
      if (PLAIN.contains(name)) {
        return argument();
      }
      String symbol = SYMBOLS.get(name);
      if (symbol == null) {
        return fail();
      }
      if (name.equals("sqrt") && peek() == '{') {
        String radicand = argument();
        return radicand.codePointCount(0, radicand.length()) == 1
            ? symbol + radicand
            : symbol + "(" + radicand + ")";
      }
      return symbol;
    }

    /** The next atom, spaces before it skipped: a command's argument or a script's base. */
    private String argument() {
      while (at < tex.length() && tex.charAt(at) == ' ') {
        at++;
      }
      if (at >= tex.length()) {
        return fail();
      }
      return atom();
    }

    private String script(String from, String to, String mark) {
      boolean braced = peek() == '{';
      String body = argument().replace(" ", "");
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        int k = from.indexOf(body.charAt(i));
        if (k < 0) {
          // No Unicode form for some character: keep the whole script as TeX says it.
          return braced || body.length() > 1 ? mark + "{" + body + "}" : mark + body;
        }
        out.append(to.charAt(k));
      }
      return out.toString();
    }

    private char peek() {
      int j = at;
      while (j < tex.length() && tex.charAt(j) == ' ') {
        j++;
      }
      return j < tex.length() ? tex.charAt(j) : 0;
    }

    private String fail() {
      failed = true;
      return "";
    }
  }

  /** Blackboard-bold or calligraphic forms of capital letters; other characters as they are. */
  private static String letters(String text, boolean blackboard) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 'A' || c > 'Z') {
        out.append(c);
        continue;
      }
      String own = (blackboard ? BLACKBOARD : SCRIPT).get(c);
      out.append(
          own != null ? own : Character.toString((blackboard ? 0x1D538 : 0x1D49C) + (c - 'A')));
    }
    return out.toString();
  }
}
