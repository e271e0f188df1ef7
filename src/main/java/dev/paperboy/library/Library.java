package dev.paperboy.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reader's library brought in: an imported file's entries matched to the catalog and saved
 * (origin {@code import}), the rest listed as unmatched, and those with an arXiv id fetched from
 * arXiv after the answer; also papers a reader picks or finds by author. Importing the same file
 * twice changes nothing.
 */
@Service
public class Library {

  /** Unmatched arXiv ids one import fetches at most: about ten polite requests to arXiv. */
  static final int FETCH_AT_MOST = 1_000;

  /** Entries one import may hold (a large Zotero library has a few thousand). */
  public static final int MAX_ENTRIES = 10_000;

  /** Papers one form or call may add by id. */
  public static final int MAX_CHOSEN = 200;

  private final CatalogMatch match;
  private final LibraryRows rows;
  private final ArxivFetch fetch;
  private final TransactionTemplate transaction;

  Library(CatalogMatch match, LibraryRows rows, ArxivFetch fetch, TransactionTemplate transaction) {
    this.match = match;
    this.rows = rows;
    this.fetch = fetch;
    this.transaction = transaction;
  }

  /**
   * Imports a library file or body into the reader's library, in one transaction; {@code hint} is
   * its file name or media type (null when unknown). {@link UnreadableLibrary} when it yields no
   * entry at all.
   */
  public LibraryImport importLibrary(UUID reader, String hint, byte[] content) {
    LibraryFile file = LibraryFormat.read(hint, content);
    if (file.entries().isEmpty()) {
      throw new UnreadableLibrary(nothingRead(file));
    }
    if (file.entries().size() > MAX_ENTRIES) {
      // A bound on what one request may store: accounts are free.
      throw new UnreadableLibrary(
          String.format(
              "the %s holds %,d entries; one import takes at most %,d: split it",
              file.format().label(), file.entries().size(), MAX_ENTRIES));
    }
    LibraryImport result = transaction.execute(s -> store(reader, file));
    if (result.unmatched().stream().anyMatch(u -> u.status() == Unmatched.Status.FETCHING)) {
      fetch.later(reader);
    }
    return result;
  }

  private static String nothingRead(LibraryFile file) {
    if (file.rejected().isEmpty()) {
      return "the " + file.format().label() + " holds no entries";
    }
    Rejected first = file.rejected().get(0);
    return String.format(
        "no entry of the %s could be read (%,d skipped); the first: %s: %s",
        file.format().label(), file.rejected().size(), first.position(), first.reason());
  }

  private LibraryImport store(UUID reader, LibraryFile file) {
    List<String> matched = match.match(file.entries());
    Set<String> papers = new LinkedHashSet<>();
    Map<List<String>, Unmatched> unmatched = new LinkedHashMap<>();
    List<LibraryEntry> found = new ArrayList<>();
    int fetches = 0;
    for (int i = 0; i < matched.size(); i++) {
      LibraryEntry e = file.entries().get(i);
      if (matched.get(i) != null) {
        papers.add(matched.get(i));
        found.add(e);
      } else if (!unmatched.containsKey(key(e))) {
        boolean fetchIt = e.arxivId() != null && fetches++ < FETCH_AT_MOST;
        unmatched.put(key(e), unmatched(e, fetchIt));
      }
    }
    int added = rows.save(reader, papers, Origin.IMPORT);
    rows.forgetUnmatched(
        reader,
        found.stream()
            .map(LibraryEntry::arxivId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet()),
        found.stream().map(LibraryEntry::doi).filter(Objects::nonNull).collect(Collectors.toSet()));
    List<Unmatched> listed = List.copyOf(unmatched.values());
    rows.listUnmatched(reader, listed);
    return new LibraryImport(
        file.format().label(),
        file.entries().size() + file.rejected().size(),
        added,
        papers.size() - added,
        listed.size(),
        listed,
        file.rejected().size(),
        file.rejected(),
        // Each paper and each unmatched entry counted once; the other entries named them again.
        file.entries().size() - papers.size() - listed.size());
  }

  /** What makes two unmatched entries one: the same ids and the same title as written. */
  private static List<String> key(LibraryEntry e) {
    return java.util.Arrays.asList(e.arxivId(), e.doi(), e.title());
  }

  private static Unmatched unmatched(LibraryEntry e, boolean fetchIt) {
    return new Unmatched(
        e.title(),
        e.arxivId(),
        e.doi(),
        fetchIt ? Unmatched.Status.FETCHING : Unmatched.Status.UNMATCHED);
  }

  /**
   * Adds chosen papers (by id as the site writes them, {@code arxiv:2401.00001}) with their origin;
   * ids of no paper are ignored. Returns how many were newly added.
   */
  public int add(UUID reader, List<String> paperIds, Origin origin) {
    return rows.save(reader, paperIds.stream().limit(MAX_CHOSEN).toList(), origin);
  }

  /** The reader's unmatched entries, oldest first (at most {@link LibraryRows#SHOWN}). */
  public List<Unmatched> unmatched(UUID reader) {
    return rows.unmatched(reader);
  }
}
