package dev.paperboy.ingest;

import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.InputStream;
import java.util.List;

/**
 * arXiv's announcement feed in RSS 2.0, as served by rss.arxiv.org (and saved from a browser): one
 * {@code item} per new, cross-listed or replaced paper, its id in {@code guid}
 * ("oai:arXiv.org:2411.01234v1"), all authors in one {@code dc:creator}, the kind of announcement
 * in {@code arxiv:announce_type}.
 */
final class ArxivRssParser implements FeedParser {

  @Override
  public void parse(InputStream in, RecordSink sink) {
    XmlRecords.papers(in, "item", ArxivRssParser::toPaper, sink);
  }

  private static Paper toPaper(XmlNode item) {
    String idText =
        Fields.required(
            item.child("guid").map(XmlNode::text).orElseGet(() -> item.text("link")), "guid");
    PaperId.Versioned id =
        PaperId.parseArxiv(idText)
            .orElseThrow(() -> new BadRecord("guid is not an arXiv id: \"" + idText + "\""));
    List<String> categories =
        item.all("category").stream()
            .map(c -> Fields.clean(c.text()))
            .filter(c -> c != null)
            .toList();
    Announcement dates =
        Announcement.dated(
            item.text("announce_type"), id.version(), Dates.parse(item.text("pubDate"), "pubDate"));
    return new Paper(
        id.id(),
        id.version(),
        Fields.title(item.text("title")),
        Fields.abstractText(Announcement.abstractOf(item.text("description"))),
        AuthorList.parse(item.text("creator")),
        categories.stream().findFirst().orElse(null),
        categories,
        dates.published(),
        dates.updated(),
        new Links(Fields.clean(item.text("link")), null, Fields.clean(item.text("DOI")), null)
            .orElse(Fields.arxivLinks(id.id())),
        null,
        Fields.clean(item.text("journal_reference")),
        List.of(ArxivAtomParser.SOURCE),
        null);
  }
}
