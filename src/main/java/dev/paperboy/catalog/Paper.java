package dev.paperboy.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper as the catalog keeps it. Titles and abstracts are whitespace-normalized with LaTeX kept
 * as written, and no field holds a character {@link Text#clean} removes; {@code version} is the
 * arXiv version (null when the source does not say), and {@code firstSeen} is null until the
 * catalog has stored the paper.
 */
public record Paper(
    PaperId id,
    Integer version,
    String title,
    String abstractText,
    List<Author> authors,
    String primaryCategory,
    List<String> categories,
    LocalDate published,
    LocalDate updated,
    Links links,
    String comment,
    String journalRef,
    List<String> sources,
    Instant firstSeen) {

  public Paper {
    Objects.requireNonNull(id, "id == null");
    // Every parser's output passes here, so no control character reaches the catalog or a feed.
    title = Text.clean(Objects.requireNonNull(title, "title == null"));
    abstractText = abstractText == null ? "" : Text.clean(abstractText);
    authors = authors == null ? List.of() : List.copyOf(authors);
    primaryCategory = Text.clean(primaryCategory);
    categories = categories == null ? List.of() : List.copyOf(Text.clean(categories));
    links = links == null ? Links.NONE : links;
    comment = Text.clean(comment);
    journalRef = Text.clean(journalRef);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /**
   * What the catalog should hold after {@code incoming} arrives for this stored paper. A newer
   * arXiv version replaces the metadata it carries; an older one changes nothing; otherwise (same
   * version, or a source that does not know versions) the incoming record only fills gaps. Sources
   * accumulate either way, so one paper seen in two feeds remains one paper.
   */
  public Paper mergedWith(Paper incoming) {
    if (isOlder(incoming.version, version)) {
      return withSources(union(sources, incoming.sources));
    }
    Paper primary = isOlder(version, incoming.version) ? incoming : this;
    Paper secondary = primary == this ? incoming : this;
    return new Paper(
        id,
        primary.version != null ? primary.version : secondary.version,
        primary.title,
        primary.abstractText.isEmpty() ? secondary.abstractText : primary.abstractText,
        primary.authors.isEmpty() ? secondary.authors : primary.authors,
        Links.first(primary.primaryCategory, secondary.primaryCategory),
        primary.categories.isEmpty() ? secondary.categories : primary.categories,
        Links.first(primary.published, secondary.published),
        Links.first(primary.updated, secondary.updated),
        primary.links.orElse(secondary.links),
        Links.first(primary.comment, secondary.comment),
        Links.first(primary.journalRef, secondary.journalRef),
        union(sources, incoming.sources),
        firstSeen);
  }

  public Paper withId(PaperId newId) {
    return copy(newId, sources);
  }

  private Paper withSources(List<String> newSources) {
    return copy(id, newSources);
  }

  private Paper copy(PaperId newId, List<String> newSources) {
    return new Paper(
        newId,
        version,
        title,
        abstractText,
        authors,
        primaryCategory,
        categories,
        published,
        updated,
        links,
        comment,
        journalRef,
        newSources,
        firstSeen);
  }

  private static boolean isOlder(Integer a, Integer b) {
    return a != null && b != null && a < b;
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return all;
  }
}
