package dev.paperboy.library;

import dev.paperboy.catalog.PaperId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a paper's arXiv id or DOI wherever an export put it: a field of its own, a URL, arXiv's own
 * DOI ({@code 10.48550/arXiv.2401.00001}) or a note such as Google Scholar's {@code arXiv preprint
 * arXiv:1706.03762}.
 */
final class Identifiers {

  private static final Pattern ARXIV_IN_TEXT =
      Pattern.compile(
          "(?:arxiv\\.org/(?:abs|pdf|html)/|arxiv:\\s*|10\\.48550/arxiv\\.)"
              + "(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z][a-z\\-]*(?:\\.[a-z]{2})?/\\d{7}(?:v\\d+)?)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOI_IN_TEXT =
      Pattern.compile("\\b10\\.\\d{4,9}/[^\\s\"<>{}]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING = Pattern.compile("[.,;:)\\]]+$");

  private Identifiers() {}

  /** The versionless arXiv id in the first of {@code texts} that holds a possible one. */
  static Optional<String> arxiv(String... texts) {
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      Optional<PaperId.Versioned> id = PaperId.parseArxiv(text);
      if (id.isEmpty()) {
        Matcher m = ARXIV_IN_TEXT.matcher(text);
        id = m.find() ? PaperId.parseArxiv(m.group(1)) : Optional.empty();
      }
      // arXiv never assigned month 00 or 13+ (1626.00001): such an id is a typo, not a paper to
      // ask arXiv for.
      if (id.isPresent() && id.get().id().arxivMonth().isPresent()) {
        return Optional.of(id.get().id().value());
      }
    }
    return Optional.empty();
  }

  /** The lower-cased DOI in the first of {@code texts} that holds one, bare or in a URL. */
  static Optional<String> doi(String... texts) {
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      Optional<PaperId> whole = PaperId.parseDoi(text);
      if (whole.isPresent()) {
        return Optional.of(TRAILING.matcher(whole.get().value()).replaceFirst(""));
      }
      if (text.toLowerCase(Locale.ROOT).contains("doi")) {
        Matcher m = DOI_IN_TEXT.matcher(text);
        if (m.find()) {
          return Optional.of(TRAILING.matcher(m.group()).replaceFirst("").toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.empty();
  }
}
