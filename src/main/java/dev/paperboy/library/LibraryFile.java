package dev.paperboy.library;

import java.util.ArrayList;
import java.util.List;

/** What one library file held: its format, the entries read whole, and those skipped. */
record LibraryFile(LibraryFormat format, List<LibraryEntry> entries, List<Rejected> rejected) {

  LibraryFile {
    entries = List.copyOf(entries);
    rejected = List.copyOf(rejected);
  }

  /** Collects a file's entries as a reader finds them. */
  static final class Builder {
    private final LibraryFormat format;
    private final List<LibraryEntry> entries = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    Builder(LibraryFormat format) {
      this.format = format;
    }

    /** Keeps an entry that names a paper somehow; one that names none is skipped as empty. */
    void add(LibraryEntry entry) {
      if (entry.identifiable()) {
        entries.add(entry);
      } else {
        reject(entry.position(), "it has no title, arXiv id or DOI");
      }
    }

    void reject(String position, String reason) {
      rejected.add(new Rejected(position, reason));
    }

    LibraryFile build() {
      return new LibraryFile(format, entries, rejected);
    }
  }
}
