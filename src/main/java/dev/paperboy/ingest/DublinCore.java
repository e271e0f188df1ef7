package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OAI-PMH's {@code oai_dc} metadata, the format every OAI repository serves: repeated {@code dc:}
 * elements, names as "Last, First", subjects as words (arXiv's own category codes are kept when a
 * repository gives them). Only a record whose {@code dc:identifier} holds an arXiv id or a DOI is
 * imported: without one, the same paper from another repository could not be recognised.
 */
final class DublinCore {

  static final String SOURCE = "oai_dc";
  private static final Pattern CATEGORY =
      Pattern.compile("[a-z]+(?:-[a-z]+)?(?:\\.[A-Za-z]+(?:-[a-z]+)?)?");
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");
  private static final String COMMENT = "Comment:";

  private DublinCore() {}

  static Paper toPaper(XmlNode dc) {
    PaperId.Versioned id = identity(texts(dc, "identifier"));
    List<String> categories =
        texts(dc, "subject").stream()
            .filter(s -> CATEGORY.matcher(s).matches() && (s.contains(".") || s.contains("-")))
            .toList();
    List<String> descriptions = texts(dc, "description");
    List<LocalDate> dates =
        texts(dc, "date").stream().map(DublinCore::date).flatMap(Optional::stream).toList();
    return new Paper(
        id.id(),
        id.version(),
        Fields.title(dc.text("title")),
        Fields.abstractText(
            descriptions.stream().filter(d -> !d.startsWith(COMMENT)).findFirst().orElse(null)),
        texts(dc, "creator").stream().map(DublinCore::author).toList(),
        categories.stream().findFirst().orElse(null),
        categories,
        dates.isEmpty() ? null : dates.get(0),
        dates.size() < 2 ? null : dates.get(dates.size() - 1),
        id.id().isArxiv()
            ? Fields.arxivLinks(id.id())
            : new Links(null, null, id.id().value(), null),
        descriptions.stream()
            .filter(d -> d.startsWith(COMMENT))
            .map(d -> Fields.clean(d.substring(COMMENT.length())))
            .findFirst()
            .orElse(null),
        null,
        List.of(SOURCE),
        null);
  }

  private static PaperId.Versioned identity(List<String> identifiers) {
    return identifiers.stream()
        .map(PaperId::parseArxiv)
        .flatMap(Optional::stream)
        .findFirst()
        .or(
            () ->
                identifiers.stream()
                    .map(PaperId::parseDoi)
                    .flatMap(Optional::stream)
                    .map(doi -> new PaperId.Versioned(doi, null))
                    .findFirst())
        .orElseThrow(() -> new BadRecord("no arXiv id or DOI in dc:identifier"));
  }

  private static List<String> texts(XmlNode dc, String name) {
    return dc.all(name).stream().map(n -> Fields.clean(n.text())).filter(t -> t != null).toList();
  }

  /** "Quinlan, Ada" is Ada Quinlan; a name without exactly one comma is kept as written. */
  private static Author author(String name) {
    String[] parts = name.split(",");
    return Author.named(
        parts.length == 2 && !parts[1].isBlank()
            ? parts[1].strip() + " " + parts[0].strip()
            : name);
  }

  /** Repositories write a year, a month or a day; only a whole day is a date here. */
  private static Optional<LocalDate> date(String text) {
    var m = ISO_DATE.matcher(text);
    return m.find() ? Optional.of(Dates.parse(m.group(), "date")) : Optional.empty();
  }
}
