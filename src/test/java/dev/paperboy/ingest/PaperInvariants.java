package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Text;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every paper an import accepts must be, whatever file it came from: what the catalog, the
 * index, pages, feeds and BibTeX can take without a second look.
 */
final class PaperInvariants {

  // What PostgreSQL's date can hold, and more than any paper needs.
  private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private PaperInvariants() {}

  static void check(Paper p) {
    assertThat(PaperId.parse(p.id().toString())).as("id %s reads back", p.id()).contains(p.id());
    assertThat(p.title()).as("title").isNotBlank().hasSizeLessThanOrEqualTo(Fields.MAX_TITLE);
    assertThat(p.abstractText()).as("abstract").hasSizeLessThanOrEqualTo(Fields.MAX_ABSTRACT);
    for (String text : texts(p)) {
      assertThat(Text.clean(text)).as("clean text").isSameAs(text);
      assertThat(
              text.chars()
                  .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r'))
          .as("control characters in %s", text)
          .isEmpty();
    }
    assertThat(p.title().chars().filter(Character::isISOControl)).as("title controls").isEmpty();
    Stream.of(p.published(), p.updated())
        .filter(d -> d != null)
        .forEach(d -> assertThat(d).as("date").isBetween(EARLIEST, LATEST));
    assertThat(p.version())
        .as("version")
        .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isPositive());
    Links l = p.links();
    Stream.of(l.abstractPage(), l.pdf(), l.code())
        .filter(u -> u != null)
        .forEach(PaperInvariants::isWebLink);
  }

  private static void isWebLink(String url) {
    URI uri = URI.create(url);
    assertThat(uri.getScheme()).as("scheme of %s", url).isNotNull();
    assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).as(url).isIn("http", "https");
    assertThat(uri.getHost()).as("host of %s", url).isNotBlank();
  }

  private static List<String> texts(Paper p) {
    List<String> all = new ArrayList<>();
    Stream.of(
            p.title(),
            p.abstractText(),
            p.primaryCategory(),
            p.comment(),
            p.journalRef(),
            p.links().abstractPage(),
            p.links().pdf(),
            p.links().doi(),
            p.links().code())
        .filter(s -> s != null)
        .forEach(all::add);
    all.addAll(p.categories());
    for (Author a : p.authors()) {
      all.add(a.name());
      all.addAll(a.affiliations());
    }
    return all;
  }
}
