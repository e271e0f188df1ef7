package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The arXiv API's Atom feed ({@code /api/query}): one {@code entry} per paper with {@code arxiv:}
 * extension elements; also arXiv's announcement feed in Atom (rss.arxiv.org), whose entries hold
 * all authors in one {@code dc:creator} and say how they were announced (see {@link Announcement}).
 * The API reports a bad query as an entry whose id is an error URL; that becomes a rejection
 * carrying the API's own message.
 */
final class ArxivAtomParser implements FeedParser {

  static final String SOURCE = "arxiv";

  @Override
  public void parse(InputStream in, RecordSink sink) {
    XmlRecords.papers(in, "entry", ArxivAtomParser::toPaper, sink);
  }

  private static Paper toPaper(XmlNode entry) {
    String idText = Fields.required(entry.text("id"), "id");
    if (idText.contains("/api/errors")) {
      throw new BadRecord(
          "the arXiv API reported an error: " + Fields.clean(entry.text("summary")));
    }
    PaperId.Versioned id =
        PaperId.parseArxiv(idText)
            .orElseThrow(() -> new BadRecord("id is not an arXiv id: \"" + idText + "\""));
    List<String> categories =
        entry.all("category").stream()
            .map(c -> c.attribute("term"))
            .filter(t -> t != null)
            .toList();
    String primary = entry.child("primary_category").map(c -> c.attribute("term")).orElse(null);
    Announcement dates = dates(entry, id);
    return new Paper(
        id.id(),
        id.version(),
        Fields.title(entry.text("title")),
        Fields.abstractText(Announcement.abstractOf(entry.text("summary"))),
        authors(entry),
        primary != null ? primary : categories.stream().findFirst().orElse(null),
        categories,
        dates.published(),
        dates.updated(),
        links(entry, id),
        Fields.clean(entry.text("comment")),
        Fields.clean(entry.text("journal_ref")),
        List.of(SOURCE),
        null);
  }

  /**
   * The API's entries carry both dates; an announcement feed's entry carries the day it was
   * announced, which means published or updated by its announce type.
   */
  private static Announcement dates(XmlNode entry, PaperId.Versioned id) {
    LocalDate published = Dates.parse(entry.text("published"), "published");
    if (entry.child("announce_type").isEmpty()) {
      return new Announcement(published, Dates.parse(entry.text("updated"), "updated"));
    }
    return Announcement.dated(entry.text("announce_type"), id.version(), published);
  }

  /** API entries have one author element each; daily feeds one dc:creator with all names. */
  private static List<Author> authors(XmlNode entry) {
    List<XmlNode> authors = entry.all("author");
    if (authors.isEmpty() && entry.child("creator").isPresent()) {
      return AuthorList.parse(entry.text("creator"));
    }
    return authors.stream().map(ArxivAtomParser::author).toList();
  }

  private static Author author(XmlNode node) {
    return new Author(
        Fields.required(node.text("name"), "author name"),
        node.all("affiliation").stream().map(a -> Fields.clean(a.text())).toList());
  }

  private static Links links(XmlNode entry, PaperId.Versioned id) {
    String pdf = null;
    String page = null;
    for (XmlNode link : entry.all("link")) {
      if ("pdf".equals(link.attribute("title"))) {
        pdf = link.attribute("href");
      } else if (link.attribute("rel") == null || "alternate".equals(link.attribute("rel"))) {
        page = link.attribute("href");
      }
    }
    return new Links(page, pdf, Fields.clean(entry.text("doi")), null)
        .orElse(Fields.arxivLinks(id.id()));
  }
}
