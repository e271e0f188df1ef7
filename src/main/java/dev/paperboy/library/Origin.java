package dev.paperboy.library;

/** How a paper came into a reader's library, as {@code saved_paper.origin} records it. */
public enum Origin {
  /** A BibTeX, RIS, CSL-JSON or id list import, or the arXiv fetch that followed it. */
  IMPORT("import"),
  /** Ticked among the first-minute picks. */
  PICK("pick"),
  /** Chosen among an author's papers ("papers by me"). */
  AUTHOR("author");

  private final String value;

  Origin(String value) {
    this.value = value;
  }

  /** The value stored in the database. */
  public String value() {
    return value;
  }
}
