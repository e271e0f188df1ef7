package dev.paperboy.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper's identity: a scheme ({@code arxiv}, {@code doi} or {@code title}) and a value, without
 * the arXiv version, which {@link #parseArxiv} returns separately.
 */
public record PaperId(String scheme, String value) {

  // New style since 2007 (0704.0001, 2410.21271); old style archive[.SUBJ]/YYMMNNN. Versions
  // count from 1, and no paper has a million of them (a longer number would overflow an int).
  private static final String VERSION = "(?:v([1-9]\\d{0,5}))?";
  private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})" + VERSION);
  private static final Pattern OLD_STYLE =
      Pattern.compile("([a-zA-Z][a-zA-Z\\-]*(?:\\.[A-Za-z]{2})?/\\d{7})" + VERSION);
  private static final Pattern ARXIV_PREFIX =
      Pattern.compile(
          "^(?:https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/|oai:arxiv\\.org:|arxiv:)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOI =
      Pattern.compile(
          "^(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$",
          Pattern.CASE_INSENSITIVE);

  public PaperId {
    Objects.requireNonNull(scheme, "scheme == null");
    Objects.requireNonNull(value, "value == null");
  }

  /**
   * The month an arXiv id was assigned in, which every arXiv id spells (YYMM after the dot's digits
   * in the new style, after the slash in the old): a bound on when the paper first appeared, for
   * records that carry no date. Empty for other schemes.
   */
  public Optional<YearMonth> arxivMonth() {
    if (!isArxiv()) {
      return Optional.empty();
    }
    int slash = value.indexOf('/');
    String yymm = value.substring(slash + 1, slash + 5);
    int yy = Integer.parseInt(yymm.substring(0, 2));
    int month = Integer.parseInt(yymm.substring(2, 4));
    if (month < 1 || month > 12) {
      return Optional.empty();
    }
    // Old-style ids began in 1991; new-style ones in 2007 and always name this century.
    int year = slash < 0 || yy < 91 ? 2000 + yy : 1900 + yy;
    return Optional.of(YearMonth.of(year, month));
  }

  /** An arXiv identifier together with the version it named, if any. */
  public record Versioned(PaperId id, Integer version) {}

  /** Parses an arXiv id in any of its common spellings; empty when the text is not one. */
  public static Optional<Versioned> parseArxiv(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = ARXIV_PREFIX.matcher(text.strip()).replaceFirst("");
    if (s.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      s = s.substring(0, s.length() - 4);
    }
    Matcher m = NEW_STYLE.matcher(s);
    if (!m.matches()) {
      m = OLD_STYLE.matcher(s);
      if (!m.matches()) {
        return Optional.empty();
      }
    }
    Integer version = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    return Optional.of(new Versioned(new PaperId("arxiv", canonicalOldStyle(m.group(1))), version));
  }

  /** Parses a DOI, bare or as a URL; DOIs are case-insensitive, so the value is lower-cased. */
  public static Optional<PaperId> parseDoi(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DOI.matcher(text.strip());
    return m.matches()
        ? Optional.of(new PaperId("doi", m.group(1).toLowerCase(Locale.ROOT)))
        : Optional.empty();
  }

  /** A stable id for a record with neither arXiv id nor DOI, derived from its normalized title. */
  public static PaperId fromTitle(String title) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Text.titleKey(title).getBytes(StandardCharsets.UTF_8));
      return new PaperId("title", HexFormat.of().formatHex(digest, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Parses an id as written in our URLs and API ({@code arxiv:2410.21271}); a bare arXiv id or DOI
   * is accepted too.
   */
  public static Optional<PaperId> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("title:") && s.length() > "title:".length()) {
      return Optional.of(new PaperId("title", s.substring("title:".length())));
    }
    Optional<Versioned> arxiv = parseArxiv(s);
    if (arxiv.isPresent()) {
      return Optional.of(arxiv.get().id());
    }
    return parseDoi(s);
  }

  /** The arXiv archive is lower-case, the subject class upper-case: {@code math.GT/0309136}. */
  private static String canonicalOldStyle(String id) {
    int slash = id.indexOf('/');
    if (slash < 0) {
      return id;
    }
    String archive = id.substring(0, slash);
    int dot = archive.indexOf('.');
    String canonical =
        dot < 0
            ? archive.toLowerCase(Locale.ROOT)
            : archive.substring(0, dot).toLowerCase(Locale.ROOT)
                + archive.substring(dot).toUpperCase(Locale.ROOT);
    return canonical + id.substring(slash);
  }

  public boolean isArxiv() {
    return scheme.equals("arxiv");
  }

  @Override
  public String toString() {
    return scheme + ":" + value;
  }
}
