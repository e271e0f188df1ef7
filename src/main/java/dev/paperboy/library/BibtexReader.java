package dev.paperboy.library;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BibTeX as Zotero, Mendeley, JabRef and Google Scholar export it: {@code @type{key, field = value,
 * ...}} with values in braces, quotes, bare numbers or {@code @string} macros joined by {@code #}.
 * Read by hand, not with jbibtex: jbibtex stops at the first bad entry (one typo would lose a whole
 * library) and follows {@code @include} into the server's files. Here a malformed entry is reported
 * with its line and skipped, and reading resumes at the next line that starts an entry.
 */
final class BibtexReader {

  /** Longest value read; a brace left open would otherwise swallow the rest of the file. */
  static final int MAX_VALUE = 100_000;

  private static final Pattern HEAD = Pattern.compile("@[ \\t]*([A-Za-z][\\w-]*)\\s*([{(])");
  private static final Pattern HEAD_AT_LINE_START =
      Pattern.compile("^[ \\t]*@[ \\t]*[A-Za-z][\\w-]*\\s*[{(]", Pattern.MULTILINE);
  private static final Map<String, String> MONTHS = months();

  private final String text;
  private final int[] newlines;
  private final Map<String, String> macros = new HashMap<>(MONTHS);
  private int at;

  private BibtexReader(String text) {
    this.text = text;
    this.newlines = lines(text);
  }

  static LibraryFile read(String text) {
    return new BibtexReader(text).entries();
  }

  private LibraryFile entries() {
    LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.BIBTEX);
    Matcher head = HEAD.matcher(text);
    int count = 0;
    while (head.find(at)) {
      String type = head.group(1).toLowerCase(Locale.ROOT);
      char close = head.group(2).equals("{") ? '}' : ')';
      boolean entry = !type.equals("comment") && !type.equals("preamble") && !type.equals("string");
      String position = (entry ? "entry " + ++count : "@" + type) + ", line " + line(head.start());
      at = head.end();
      try {
        switch (type) {
          case "comment", "preamble" -> closeGroup(close);
          case "string" -> define(close);
          default -> file.add(fields(position, close));
        }
      } catch (Malformed e) {
        file.reject(position, e.getMessage());
        at = resume(head.start() + 1);
      }
    }
    return file.build();
  }

  /** After a malformed entry: the next line that starts one, or the end. */
  private int resume(int from) {
    Matcher next = HEAD_AT_LINE_START.matcher(text);
    return next.find(from) ? next.start() : text.length();
  }

  private LibraryEntry fields(String position, char close) {
    Map<String, String> fields = new HashMap<>();
    citationKey(close);
    while (true) {
      skipSpace();
      if (at >= text.length()) {
        throw malformed("the entry is not closed with '" + close + "'", at);
      }
      if (text.charAt(at) == close) {
        at++;
        return entry(position, fields);
      }
      String field = name("a field name").toLowerCase(Locale.ROOT);
      expect('=', "'=' after field '" + field + "'");
      fields.putIfAbsent(field, value(field));
      skipSpace();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
      } else if (at >= text.length() || text.charAt(at) != close) {
        throw malformed("expected ',' or '" + close + "' after field '" + field + "'", at);
      }
    }
  }

  private static LibraryEntry entry(String position, Map<String, String> f) {
    return LibraryEntry.of(
        position,
        f.get("title"),
        f.get("eprint"),
        f.get("arxivid"),
        f.get("arxiv"),
        f.get("doi"),
        f.get("url"),
        f.get("journal"),
        f.get("note"),
        f.get("howpublished"));
  }

  /** The key before the first comma; an entry may have none and start with a field. */
  private void citationKey(char close) {
    skipSpace();
    int start = at;
    while (at < text.length()
        && ",=\n{}()".indexOf(text.charAt(at)) < 0
        && text.charAt(at) != close) {
      at++;
    }
    if (at < text.length() && text.charAt(at) == ',') {
      at++;
    } else {
      at = start;
    }
  }

  private void define(char close) {
    String name = name("a macro name").toLowerCase(Locale.ROOT);
    expect('=', "'=' after @string " + name);
    macros.put(name, value(name));
    expect(close, "'" + close + "' to close @string " + name);
  }

  /** One value: parts in braces, quotes, digits or macros, joined by '#'. */
  private String value(String field) {
    StringBuilder out = new StringBuilder();
    do {
      skipSpace();
      if (at >= text.length()) {
        throw malformed("the file ends where field '" + field + "' needs a value", at);
      }
      char c = text.charAt(at);
      if (c == '{') {
        out.append(delimited('}'));
      } else if (c == '"') {
        out.append(delimited('"'));
      } else if (isNameChar(c)) {
        String word = name("a value");
        // An undefined macro is empty, as BibTeX takes it after its warning.
        out.append(
            word.chars().allMatch(Character::isDigit)
                ? word
                : macros.getOrDefault(word.toLowerCase(Locale.ROOT), ""));
      } else {
        throw malformed("field '" + field + "' has no value", at);
      }
      if (out.length() > MAX_VALUE) {
        throw malformed(
            String.format("field '%s' is longer than %,d characters", field, MAX_VALUE), at);
      }
      skipSpace();
    } while (at < text.length() && text.charAt(at) == '#' && ++at > 0);
    return out.toString();
  }

  /**
   * The text up to {@code end} at brace depth zero, without its delimiters; braces inside are kept
   * (they protect case and accents, which matching decodes later).
   */
  private String delimited(char end) {
    int open = at;
    int depth = 0;
    int limit = Math.min(text.length(), open + MAX_VALUE + 2);
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == end && depth == 0) {
        at = i + 1;
        return text.substring(open + 1, i);
      }
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        throw malformed("a '}' closes more than was opened", i);
      }
    }
    if (limit < text.length()) {
      throw malformed(String.format("a value is longer than %,d characters", MAX_VALUE), open);
    }
    throw malformed((end == '"' ? "a quoted value" : "a '{'") + " is never closed", open);
  }

  /** Skips a @comment or @preamble body: balanced braces up to {@code close}. */
  private void closeGroup(char close) {
    int depth = 0;
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == close && depth == 0) {
        at = i + 1;
        return;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    throw malformed("it is never closed", at);
  }

  private String name(String what) {
    skipSpace();
    int start = at;
    while (at < text.length() && isNameChar(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw malformed("expected " + what, at);
    }
    return text.substring(start, at);
  }

  private void expect(char c, String what) {
    skipSpace();
    if (at >= text.length() || text.charAt(at) != c) {
      throw malformed("expected " + what, at);
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private static boolean isNameChar(char c) {
    return !Character.isWhitespace(c) && c > 0x1f && "\"#%'(),={}@".indexOf(c) < 0;
  }

  private Malformed malformed(String message, int offset) {
    return new Malformed(message + " at line " + line(offset));
  }

  /** The 1-based line of an offset. */
  private int line(int offset) {
    int i = Arrays.binarySearch(newlines, offset);
    return (i < 0 ? -i - 1 : i) + 1;
  }

  private static int[] lines(String text) {
    return java.util.stream.IntStream.range(0, text.length())
        .filter(i -> text.charAt(i) == '\n')
        .toArray();
  }

  private static Map<String, String> months() {
    String[] names = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    Map<String, String> months = new HashMap<>();
    for (String m : names) {
      months.put(m.substring(0, 3).toLowerCase(Locale.ROOT), m);
    }
    return Map.copyOf(months);
  }

  /** One entry cannot be read; the message says what and on which line. */
  private static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }
}
