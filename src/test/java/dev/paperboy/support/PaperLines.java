package dev.paperboy.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Papers in Paperboy JSON Lines (docs/FORMATS.md), written on the spot: published today (UTC), so
 * today's trending and digests choose them, each with a DOI of its own and a chosen word in its
 * title, so a keyword search finds exactly them.
 */
public final class PaperLines {

  private PaperLines() {}

  /** {@code count} papers whose titles carry {@code word}; {@code tag} keeps their DOIs apart. */
  public static String about(String word, String tag, int count) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                """
                {"doi": "10.5555/%2$s.%3$d", "title": "Lattice %1$s methods, part %3$d",\
                 "abstract": "We study %1$s on a lattice with %3$d sites.",\
                 "authors": ["Ada Quinlan", "Bo Okafor"], "categories": ["cs.LG"],\
                 "published": "%4$s"}"""
                    .formatted(word, tag, i, today))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** The id Paperboy gives paper {@code i} of {@link #about}. */
  public static String id(String tag, int i) {
    return "doi:10.5555/" + tag + "." + i;
  }
}
