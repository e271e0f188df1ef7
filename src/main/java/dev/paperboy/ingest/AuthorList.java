package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import java.util.ArrayList;
import java.util.List;

/**
 * arXivRaw gives authors as one string: "A. Smith (MIT), B. Jones and C. Li (ETH, EPFL)". Names are
 * separated by commas and a final "and" outside parentheses; a parenthesis after a name holds its
 * affiliations.
 */
final class AuthorList {

  private AuthorList() {}

  static List<Author> parse(String text) {
    String s = Fields.clean(text);
    if (s == null) {
      return List.of();
    }
    List<Author> authors = new ArrayList<>();
    for (String part : splitTopLevel(s)) {
      Author a = author(part);
      if (a != null) {
        authors.add(a);
      }
    }
    return authors;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      } else if (depth == 0 && s.startsWith(" and ", i)) {
        parts.add(s.substring(start, i));
        start = i + " and ".length();
        i = start - 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static Author author(String part) {
    String p = part.strip();
    if (p.startsWith("and ")) {
      p = p.substring(4).strip();
    }
    int open = p.indexOf('(');
    List<String> affiliations = new ArrayList<>();
    if (open > 0 && p.endsWith(")")) {
      for (String aff : p.substring(open + 1, p.length() - 1).split("[,;]")) {
        if (!aff.isBlank()) {
          affiliations.add(aff.strip());
        }
      }
      p = p.substring(0, open).strip();
    }
    // "Jr." after a comma is a suffix of the previous name, not an author; rare enough to accept.
    return p.isEmpty() ? null : new Author(p, affiliations);
  }
}
