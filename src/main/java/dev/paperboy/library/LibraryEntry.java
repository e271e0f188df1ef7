package dev.paperboy.library;

import dev.paperboy.catalog.Text;

/**
 * One entry of an imported library as far as matching needs it: where it stood in the file, its
 * title as written (TeX kept), and the versionless arXiv id and lower-cased DOI found in any of its
 * fields (null when none).
 */
record LibraryEntry(String position, String title, String arxivId, String doi) {

  LibraryEntry {
    title = Text.emptyToNull(title);
  }

  /** An entry from a title and the texts that may name it (ids, URLs, notes), best first. */
  static LibraryEntry of(String position, String title, String... naming) {
    return new LibraryEntry(
        position,
        title,
        Identifiers.arxiv(naming).orElse(null),
        Identifiers.doi(naming).orElse(null));
  }

  /** Something to match by: an entry with none of the three is no entry. */
  boolean identifiable() {
    return title != null || arxivId != null || doi != null;
  }
}
