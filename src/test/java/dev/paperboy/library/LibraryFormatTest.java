package dev.paperboy.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LibraryFormatTest {

  private static byte[] fixture(String name) {
    try (InputStream in =
        LibraryFormatTest.class.getResourceAsStream("/fixtures/library/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LibraryFile read(String text) {
    return LibraryFormat.read(null, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bibtexFromZoteroScholarAndMendeleyNamesEachPaper() {
    LibraryFile file = LibraryFormat.read("export.bib", fixture("export.bib"));

    assertThat(file.format()).isEqualTo(LibraryFormat.BIBTEX);
    assertThat(file.entries())
        .extracting(LibraryEntry::arxivId, LibraryEntry::doi)
        .containsExactly(
            tuple("2401.00001", "10.48550/arxiv.2401.00001"),
            tuple("1706.03762", null),
            tuple(null, "10.1145/3292500.3330701"),
            tuple(null, null),
            tuple("2501.00042", null),
            tuple(null, null));
    assertThat(file.entries().get(3).title())
        .isEqualTo("Schr{\\\"o}dinger Operators on Curved Branes");
  }

  @Test
  void aMalformedBibtexEntryIsSkippedWithItsLineAndTheNextIsRead() {
    LibraryFile file = LibraryFormat.read("export.bib", fixture("export.bib"));

    assertThat(file.rejected()).hasSize(1);
    Rejected broken = file.rejected().get(0);
    assertThat(broken.position()).isEqualTo("entry 4, line 36");
    assertThat(broken.reason()).isEqualTo("expected '=' after field 'title' at line 37");
    assertThat(file.entries()).extracting(LibraryEntry::position).contains("entry 5, line 41");
  }

  @Test
  void bibtexMacrosAndConcatenationAreExpanded() {
    LibraryFile file =
        read(
            "@string{conf = {Neur} # \"IPS\"}\n"
                + "@misc{a, title = conf # { 2024: } # {Papers} # 7, note = jan}\n");

    assertThat(file.entries())
        .extracting(LibraryEntry::title)
        .containsExactly("NeurIPS 2024: Papers7");
  }

  @Test
  void anUnclosedBraceCostsOnlyItsOwnEntry() {
    LibraryFile file =
        read(
            "@misc{a, title = {Never closed,\n  year = 2020\n\n"
                + "@misc{b, title = {Read after the damage}}\n");

    assertThat(file.entries())
        .extracting(LibraryEntry::title)
        .containsExactly("Read after the damage");
    assertThat(file.rejected())
        .extracting(Rejected::position, Rejected::reason)
        .containsExactly(tuple("entry 1, line 1", "a '{' is never closed at line 1"));
  }

  @Test
  void bibtexWithParenthesesAndNoKeyIsRead() {
    LibraryFile file = read("@article(title = \"In parentheses\", doi = {10.1000/ABC.1})");

    assertThat(file.entries())
        .extracting(LibraryEntry::title, LibraryEntry::doi)
        .containsExactly(tuple("In parentheses", "10.1000/abc.1"));
  }

  @Test
  void risRecordsRunFromTyToErAndAnUnendedOneIsSkipped() {
    LibraryFile file = LibraryFormat.read("export.ris", fixture("export.ris"));

    assertThat(file.format()).isEqualTo(LibraryFormat.RIS);
    assertThat(file.entries())
        .extracting(LibraryEntry::title, LibraryEntry::arxivId, LibraryEntry::doi)
        .containsExactly(
            tuple("Graph Embeddings at Scale for Recommendation", null, "10.1145/3292500.3330701"),
            tuple("Attention Is All You Need", "1706.03762", null),
            tuple(
                "Sparse Mixtures of Retrieval Experts", "2401.00001", "10.48550/arxiv.2401.00001"));
    assertThat(file.rejected()).extracting(Rejected::position).containsExactly("record 3, line 14");
  }

  @Test
  void cslJsonFromZoteroFindsArxivIdsInItsFieldsAndSkipsWhatIsNoItem() {
    LibraryFile file = LibraryFormat.read("zotero.json", fixture("zotero.json"));

    assertThat(file.format()).isEqualTo(LibraryFormat.CSL_JSON);
    assertThat(file.entries())
        .extracting(LibraryEntry::position, LibraryEntry::arxivId, LibraryEntry::doi)
        .containsExactly(
            tuple("item 1", "2401.00001", "10.48550/arxiv.2401.00001"),
            tuple("item 2", null, "10.1145/3292500.3330701"),
            tuple("item 3", null, null),
            tuple("item 6", "1706.03762", null));
    assertThat(file.rejected()).extracting(Rejected::position).containsExactly("item 4", "item 5");
  }

  @Test
  void jsonThatBreaksKeepsTheItemsBeforeTheBreak() {
    LibraryFile file = read("[{\"title\": \"Whole item\"},\n {\"title\": \"cut");

    assertThat(file.entries()).extracting(LibraryEntry::title).containsExactly("Whole item");
    assertThat(file.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("item 2");
              assertThat(r.reason()).contains("line 2");
            });
  }

  @Test
  void idListTakesEverySpellingOfArxivIdsAndDois() {
    LibraryFile file = LibraryFormat.read("ids.txt", fixture("ids.txt"));

    assertThat(file.format()).isEqualTo(LibraryFormat.ID_LIST);
    assertThat(file.entries())
        .extracting(LibraryEntry::arxivId)
        .containsExactly(
            "2401.00001",
            "1706.03762",
            "hep-th/9901001",
            "2401.00001",
            "math.GT/0309136",
            null,
            null);
    assertThat(file.entries())
        .extracting(LibraryEntry::doi)
        .containsOnly(null, "10.1145/3292500.3330701");
    assertThat(file.rejected())
        .extracting(Rejected::position, Rejected::reason)
        .containsExactly(tuple("line 10", "not an arXiv id or DOI: \"not an id at all\""));
  }

  @Test
  void theApisIdsObjectIsAnIdList() {
    LibraryFile file = read("{\"ids\": [\"2401.00001v2\", \"10.1145/X\", 7, \"nonsense\"]}");

    assertThat(file.format()).isEqualTo(LibraryFormat.ID_JSON);
    assertThat(file.entries())
        .extracting(LibraryEntry::arxivId, LibraryEntry::doi)
        .containsExactly(tuple("2401.00001", null), tuple(null, "10.1145/x"));
    assertThat(file.rejected()).extracting(Rejected::position).containsExactly("ids[2]", "ids[3]");
  }

  @Test
  void xmlIsRefusedUnreadWhateverItDeclares() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

    assertThatThrownBy(() -> read(xxe))
        .isInstanceOf(UnreadableLibrary.class)
        .hasMessageContaining("XML is not a library format");
  }

  @Test
  void binaryContentIsRefused() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    assertThatThrownBy(() -> LibraryFormat.read("photo.bib", png))
        .isInstanceOf(UnreadableLibrary.class)
        .hasMessageContaining("not text");
  }

  @Test
  void jsonNestedPastItsLimitIsAReadableRefusal() {
    String deep = "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]";

    LibraryFile file = read(deep);

    assertThat(file.entries()).isEmpty();
    assertThat(file.rejected()).singleElement().extracting(Rejected::position).isEqualTo("item 1");
  }

  @Test
  void controlCharactersNeverReachAnEntry() {
    LibraryFile file = read("@misc{a, title = {Start\u0001 and bell\u0007 in a title}}");

    assertThat(file.entries())
        .extracting(LibraryEntry::title)
        .containsExactly("Start and bell in a title");
  }

  @Test
  void emptyInputIsRefused() {
    assertThatThrownBy(() -> read(" \n\t"))
        .isInstanceOf(UnreadableLibrary.class)
        .hasMessage("the library is empty");
  }

  @Test
  void latin1ExportsAreReadToo() {
    byte[] latin1 = "@misc{a, title = {Caf\u00e9 Society}}".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(LibraryFormat.read(null, latin1).entries())
        .extracting(LibraryEntry::title)
        .containsExactly("Caf\u00e9 Society");
  }

  @Test
  void utf16ExportsWithAByteOrderMarkAreRead() {
    String bibtex = "@misc{a, title = {Caf\u00e9 Society}, eprint = {2401.00001}}\n";
    byte[] little = withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, bibtex, "UTF-16LE");
    byte[] big = withMark(new byte[] {(byte) 0xFE, (byte) 0xFF}, bibtex, "UTF-16BE");

    for (byte[] export : new byte[][] {little, big}) {
      assertThat(LibraryFormat.read("export.bib", export).entries())
          .extracting(LibraryEntry::title, LibraryEntry::arxivId)
          .containsExactly(tuple("Caf\u00e9 Society", "2401.00001"));
    }
  }

  @Test
  void binaryBehindAUtf16MarkIsStillRefused() {
    // UTF-16 text never holds U+0000; these bytes, after the mark, decode to it.
    byte[] marked = {(byte) 0xFF, (byte) 0xFE, 'P', 0, 0, 0, 'N', 0};
    byte[] odd = {(byte) 0xFE, (byte) 0xFF, 0, 'P', 0};

    assertThatThrownBy(() -> LibraryFormat.read("x.bib", marked))
        .isInstanceOf(UnreadableLibrary.class)
        .hasMessageContaining("not text");
    assertThatThrownBy(() -> LibraryFormat.read("x.bib", odd))
        .isInstanceOf(UnreadableLibrary.class)
        .hasMessageContaining("UTF-16");
  }

  private static byte[] withMark(byte[] mark, String text, String charset) {
    byte[] body = text.getBytes(java.nio.charset.Charset.forName(charset));
    byte[] all = java.util.Arrays.copyOf(mark, mark.length + body.length);
    System.arraycopy(body, 0, all, mark.length, body.length);
    return all;
  }

  @Test
  void anArxivIdWithAnImpossibleMonthIsNoArxivId() {
    LibraryFile list = read("1626.00001\n2401.00001\nhep-th/9913001\n2400.00002\n");
    LibraryFile bibtex = read("@misc{a, title = {Month Twenty-Six}, note = {arXiv:1626.00001}}");

    assertThat(list.entries()).extracting(LibraryEntry::arxivId).containsExactly("2401.00001");
    assertThat(list.rejected())
        .extracting(Rejected::position)
        .containsExactly("line 1", "line 3", "line 4");
    assertThat(bibtex.entries()).extracting(LibraryEntry::arxivId).containsOnlyNulls();
  }
}
