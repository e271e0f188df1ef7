package dev.paperboy.library;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An imported entry that matched no paper in the catalog, as the reader sees it listed: what it
 * named, and whether it is being fetched from arXiv, was not found there, or could not be fetched.
 */
public record Unmatched(String title, String arxivId, String doi, Status status) {

  /** Where an unmatched entry stands; only one with an arXiv id is ever fetched. */
  public enum Status {
    UNMATCHED("unmatched"),
    FETCHING("fetching"),
    NOT_FOUND("not-found"),
    /** arXiv could not be reached; asked again only when an import names the entry again. */
    FETCH_FAILED("fetch-failed");

    private final String value;

    Status(String value) {
      this.value = value;
    }

    /** The value stored in {@code library_unmatched.status} and shown in the API. */
    @JsonValue
    public String value() {
      return value;
    }

    static Status of(String value) {
      for (Status s : values()) {
        if (s.value.equals(value)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown status " + value);
    }
  }
}
