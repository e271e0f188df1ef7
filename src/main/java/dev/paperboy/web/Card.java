package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.TexText;
import java.util.List;

/**
 * One paper as a compact card in any list: title and first authors decoded for display, the
 * search's highlighted title and abstract when it has them (null otherwise), the counts that
 * explain its rank, what the signed-in reader (if any) has done with it (voted, saved, said "not
 * interested": then the card says it is hidden), and the list's own address ({@code back}), where a
 * card's buttons return.
 */
record Card(
    Paper paper,
    String title,
    String titleHtml,
    String abstractHtml,
    List<String> authors,
    int moreAuthors,
    Tally tally,
    boolean signedIn,
    boolean voted,
    boolean saved,
    boolean dismissed,
    String back) {

  /** Authors named on a card; the rest are one click away, on the paper's page. */
  static final int AUTHORS_SHOWN = 3;

  static Card of(
      Paper paper,
      String titleHtml,
      String abstractHtml,
      Tally tally,
      boolean signedIn,
      boolean voted,
      boolean saved,
      boolean dismissed,
      String back) {
    // "et al. (+1 more)" would take the room of the one name it hides.
    int shown = paper.authors().size() <= AUTHORS_SHOWN + 1 ? AUTHORS_SHOWN + 1 : AUTHORS_SHOWN;
    List<String> names =
        paper.authors().stream().limit(shown).map(Author::name).map(TexText::decode).toList();
    return new Card(
        paper,
        TexText.decode(paper.title()),
        TexText.decodeHtml(titleHtml),
        abstractHtml,
        names,
        paper.authors().size() - names.size(),
        tally,
        signedIn,
        voted,
        saved,
        dismissed,
        back);
  }
}
