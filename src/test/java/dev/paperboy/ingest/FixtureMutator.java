package dev.paperboy.ingest;

import dev.paperboy.support.Fuzz;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages a real fixture the way files arrive damaged or hostile: flipped bits, cuts, inserted
 * bytes and characters, and — knowing XML and JSON — duplicated or removed elements and fields,
 * wrong types, huge numbers and dates, deep nesting and entity declarations. Every result is at
 * most {@link #MAX_BYTES} long, so no input can cost more than a bounded parse.
 */
final class FixtureMutator {

  static final int MAX_BYTES = 512 * 1024;

  private static final Pattern ELEMENT =
      Pattern.compile("<([\\w.-]+:)?([\\w.-]+)(\\s[^>]*)?>[^<]*</\\1?\\2>|<([\\w.-]+:)?[\\w.-]+/>");
  private static final Pattern XML_TEXT = Pattern.compile(">([^<]+)<");
  // Unrolled ("normal* (special normal*)*"): a loop per character would overflow the stack.
  private static final String STRING = "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"";
  private static final Pattern JSON_STRING = Pattern.compile(STRING);
  private static final Pattern JSON_VALUE =
      Pattern.compile(":\\s*(" + STRING + "|-?\\d[\\d.eE+-]*|true|false|null)");

  private static final String[] XML_PIECES = {
    "&#0;", "&#1;", "&#xD800;", "&#x110000;", "&#x1F600;", "&amp;", "&lt;", "&lol;", "&#65;",
    "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "<x/>", "</", "<", "]]>", "&", "<a b='1' b='2'/>"
  };
  private static final String[] JSON_VALUES = {
    "null",
    "true",
    "0",
    "-1",
    "1e999999",
    "123456789012345678901234567890",
    "-0.0",
    "[]",
    "{}",
    "[[[[]]]]",
    "{\"a\":1}",
    "\"\"",
    "\"   \"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\uDFFF\\uD800\"",
    "\"+999999999-12-31T23:59:59-18:00\"",
    "\"-999999999-01-01T00:00:00+18:00\"",
    "\"Fri, 31 Dec 999999999 23:59:59 GMT\"",
    "\"0000-00-00\"",
    "\"9999-12-31\"",
    "\"javascript:alert(1)\"",
    "\"v99999999999\"",
    "\"2410.99999v0\"",
    "\"hep-th/9901001v-1\"",
    "\"10.\"",
    "\"doi:10.1/x\""
  };
  private static final String[] XML_VALUES = {
    "v99999999999",
    "v0",
    "v-1",
    "+999999999-12-31T23:59:59-18:00",
    "0000-00-00",
    "Fri, 31 Dec 999999999 23:59:59 GMT",
    "2410.99999v0",
    "hep-th/9901001v-1",
    "javascript:alert(1)",
    "99999999999999999999",
    ""
  };

  private FixtureMutator() {}

  /** One to four mutations of {@code original}, each chosen at random. */
  static byte[] mutate(Random r, byte[] original) {
    byte[] b = original;
    for (int n = 1 + r.nextInt(4); n > 0; n--) {
      b = once(r, b);
      if (b.length > MAX_BYTES) {
        b = Arrays.copyOf(b, MAX_BYTES);
      }
    }
    return b;
  }

  private static byte[] once(Random r, byte[] b) {
    boolean xml = startsWith(b, '<');
    return switch (r.nextInt(10)) {
      case 0 -> flipBits(r, b);
      case 1 -> b.length == 0 ? b : Arrays.copyOf(b, r.nextInt(b.length));
      case 2 -> insert(b, r.nextInt(b.length + 1), randomBytes(r, 1 + r.nextInt(64)));
      case 3 -> insert(b, r.nextInt(b.length + 1), utf8(Fuzz.nastyText(r, 1 + r.nextInt(8))));
      case 4 -> spans(r, b);
      default -> xml ? utf8(xml(r, text(b))) : utf8(json(r, text(b)));
    };
  }

  private static String xml(Random r, String s) {
    return switch (r.nextInt(7)) {
      case 0 -> onMatch(r, s, ELEMENT, (m, t) -> t + m);
      case 1 -> onMatch(r, s, ELEMENT, (m, t) -> "");
      case 2 -> onMatch(r, s, XML_TEXT, (m, t) -> ">" + xmlText(r) + "<");
      case 3 -> atRandom(r, s, nest(r, "<a>", "</a>"));
      case 4 -> withDoctype(r, s);
      case 5 -> atRandom(r, s, Fuzz.pick(r, XML_PIECES));
      default -> onMatch(r, s, XML_TEXT, (m, t) -> ">" + Fuzz.pick(r, XML_VALUES) + "<");
    };
  }

  private static String xmlText(Random r) {
    return r.nextBoolean() ? Fuzz.nastyText(r, 1 + r.nextInt(6)) : Fuzz.pick(r, XML_PIECES);
  }

  private static String withDoctype(Random r, String s) {
    String doctype =
        r.nextBoolean()
            ? "<!DOCTYPE x [<!ENTITY lol 'lol'><!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
            : "<!DOCTYPE feed SYSTEM 'http://127.0.0.1:1/x.dtd'>";
    int afterDeclaration = s.startsWith("<?xml") ? s.indexOf("?>") + 2 : 0;
    return s.substring(0, afterDeclaration) + doctype + s.substring(afterDeclaration);
  }

  private static String json(Random r, String s) {
    return switch (r.nextInt(6)) {
      case 0 -> onMatch(r, s, JSON_VALUE, (m, t) -> ": " + Fuzz.pick(r, JSON_VALUES));
      case 1 -> onMatch(r, s, JSON_STRING, (m, t) -> quoted(Fuzz.nastyText(r, 1 + r.nextInt(6))));
      case 2 -> onMatch(r, s, JSON_VALUE, (m, t) -> ": " + nest(r, "[", "]"));
      case 3 ->
          onMatch(r, s, JSON_VALUE, (m, t) -> m + ", \"title\": " + Fuzz.pick(r, JSON_VALUES));
      case 4 -> onMatch(r, s, JSON_VALUE, (m, t) -> ": " + quoted(Fuzz.pick(r, XML_VALUES)));
      default -> atRandom(r, s, r.nextBoolean() ? nest(r, "{\"a\":", "}") : "\n");
    };
  }

  /** Escapes quotes, controls and surrogates, so unpaired surrogates arrive as such. */
  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A bounded but deep nest: deeper than any parser's limit, never past {@link #MAX_BYTES}. */
  private static String nest(Random r, String open, String close) {
    int depth = 1 + r.nextInt(r.nextBoolean() ? 40 : 20_000);
    return open.repeat(depth)
        + (r.nextBoolean() ? "\"x\"" : "")
        + close.repeat(r.nextInt(depth + 1));
  }

  /** Replaces one random match of {@code p} (the whole match) by what {@code edit} makes of it. */
  private static String onMatch(
      Random r, String s, Pattern p, java.util.function.BinaryOperator<String> edit) {
    List<int[]> found = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find() && found.size() < 1_000) {
      found.add(new int[] {m.start(), m.end()});
    }
    if (found.isEmpty()) {
      return s;
    }
    int[] at = found.get(r.nextInt(found.size()));
    String match = s.substring(at[0], at[1]);
    return s.substring(0, at[0]) + edit.apply(match, match) + s.substring(at[1]);
  }

  private static String atRandom(Random r, String s, String piece) {
    int at = r.nextInt(s.length() + 1);
    return s.substring(0, at) + piece + s.substring(at);
  }

  private static byte[] flipBits(Random r, byte[] b) {
    byte[] out = b.clone();
    for (int n = 1 + r.nextInt(8); n > 0 && out.length > 0; n--) {
      out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
    }
    return out;
  }

  /** Duplicates or removes a random span of bytes. */
  private static byte[] spans(Random r, byte[] b) {
    if (b.length < 2) {
      return b;
    }
    int from = r.nextInt(b.length);
    int to = from + r.nextInt(Math.min(b.length - from, 512) + 1);
    byte[] span = Arrays.copyOfRange(b, from, to);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, from);
    if (r.nextBoolean()) {
      out.writeBytes(span);
      out.writeBytes(span);
    }
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }

  static byte[] randomBytes(Random r, int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.writeBytes(piece);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] b, char c) {
    String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.UTF_8);
    return head.replace("\uFEFF", "").stripLeading().startsWith(String.valueOf(c));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
