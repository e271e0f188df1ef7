package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostileInputTest {

  @Test
  void anXxePayloadReadsNoFileAndImportsNothing() {
    CollectingSink sink = CollectingSink.parse(new ArxivAtomParser(), "xxe.atom");
    assertThat(sink.papers).isEmpty();
    assertThat(sink.rejections).singleElement().asString().contains("DOCTYPE");
    assertThat(String.join("", sink.rejections)).doesNotContain("root:");
  }

  @Test
  void aBillionLaughsDocumentIsRefusedWithoutExpanding() {
    CollectingSink sink = CollectingSink.parse(new ArxivAtomParser(), "billion-laughs.atom");
    assertThat(sink.papers).isEmpty();
    assertThat(sink.rejections).singleElement().asString().contains("DOCTYPE");
  }

  @Test
  void aTruncatedFileKeepsTheWholeEntriesBeforeTheCut() {
    CollectingSink sink = CollectingSink.parse(new ArxivAtomParser(), "truncated.atom");
    assertThat(sink.papers)
        .extracting(Paper::title)
        .containsExactly("A Complete Entry Before the Cut");
    assertThat(sink.rejections)
        .singleElement()
        .asString()
        .startsWith("after entry 1: XML is malformed or truncated (line ")
        .doesNotContain("ParseError", "Message:");
  }

  @Test
  void aFiveMegabyteAbstractIsRejectedAndItsNeighboursImported() {
    String huge = "a".repeat(5 * 1024 * 1024);
    String feed =
        "<feed xmlns='http://www.w3.org/2005/Atom'>"
            + entry("2410.00001", "Before", "fine")
            + entry("2410.00002", "Huge", huge)
            + entry("2410.00003", "After", "fine")
            + "</feed>";
    CollectingSink sink =
        CollectingSink.parse(
            new ArxivAtomParser(), new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Before", "After");
    assertThat(sink.rejections)
        .containsExactly("entry 2: summary is longer than 1,048,576 characters");
  }

  @Test
  void invalidUtf8InXmlIsDecodedAsReplacementSoTheImporterCanRejectThatRecordAlone() {
    assertThat(invalidUtf8Feed().papers)
        .extracting(Paper::title)
        .containsExactly("Good", "Bad \uFFFD\uFFFD", "Also good");
  }

  private static CollectingSink invalidUtf8Feed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        ("<feed xmlns='http://www.w3.org/2005/Atom'>" + entry("2410.00001", "Good", "fine"))
            .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        "<entry><id>http://arxiv.org/abs/2410.00002v1</id><title>Bad "
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.write(0xFE);
    bytes.writeBytes(
        ("</title></entry>" + entry("2410.00003", "Also good", "fine") + "</feed>")
            .getBytes(StandardCharsets.UTF_8));
    return CollectingSink.parse(
        new ArxivAtomParser(), new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void theImporterRejectsARecordWithInvalidUtf8AndKeepsTheRest() {
    ImportBatch batch =
        new ImportBatch(
            "bad.atom",
            "arXiv API Atom feed",
            records -> records.stream().map(r -> Catalog.Change.NEW).toList());
    CollectingSink parsed = invalidUtf8Feed();
    for (int i = 0; i < parsed.papers.size(); i++) {
      batch.accept(parsed.positions.get(i), parsed.papers.get(i), java.util.List.of());
    }
    ImportReport report = batch.finish();
    assertThat(report.created()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.rejections())
        .singleElement()
        .hasToString("bad.atom: entry 2: the record contains bytes that are not valid UTF-8");
  }

  private static String entry(String id, String title, String summary) {
    return "<entry><id>http://arxiv.org/abs/"
        + id
        + "v1</id><title>"
        + title
        + "</title>"
        + "<summary>"
        + summary
        + "</summary></entry>";
  }

  private static final String XXE_RSS =
      "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
          + "<rss version='2.0'><channel><item><title>&xxe;</title>"
          + "<guid>oai:arXiv.org:2611.01234v1</guid></item></channel></rss>";
  private static final String LAUGHS_OAI_DC =
      "<?xml version='1.0'?><!DOCTYPE OAI-PMH [<!ENTITY lol 'lol'>"
          + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
          + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
          + "<OAI-PMH><ListRecords><record><metadata><oai_dc:dc"
          + " xmlns:oai_dc='http://www.openarchives.org/OAI/2.0/oai_dc/'"
          + " xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>&lol3;</dc:title>"
          + "<dc:identifier>arXiv:2101.00001</dc:identifier></oai_dc:dc></metadata></record>"
          + "</ListRecords></OAI-PMH>";

  @Test
  void anXxePayloadInAnRssFeedOrABillionLaughsInOaiDcImportsNothing() {
    for (CollectingSink sink :
        java.util.List.of(
            CollectingSink.parse(new ArxivRssParser(), stream(XXE_RSS)),
            CollectingSink.parse(new OaiPmhParser(), stream(LAUGHS_OAI_DC)))) {
      assertThat(sink.papers).isEmpty();
      assertThat(sink.rejections).singleElement().asString().contains("DOCTYPE");
    }
  }

  @Test
  void aHugeTitleStreamedInAnRssFeedRejectsItsItemAloneWithoutBeingKept() {
    InputStream feed =
        concat(
            "<rss version='2.0'><channel>"
                + item("2611.00001", "Before")
                + "<item><guid>oai:arXiv.org:2611.00002v1</guid><title>",
            new Repeated('a', 300L * 1024 * 1024),
            "</title></item>" + item("2611.00003", "After") + "</channel></rss>");
    CollectingSink sink = CollectingSink.parse(new ArxivRssParser(), feed);
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Before", "After");
    assertThat(sink.rejections)
        .containsExactly("item 2: title is longer than 1,048,576 characters");
  }

  @Test
  void aHugeFieldInJsonRejectsItsLineAloneWhetherTheLineIsHugeOrOnlyTheString() {
    InputStream lines =
        concat(
            "{\"title\": \"Before\"}\n{\"title\": \"",
            new Repeated('a', 300L * 1024 * 1024),
            "\"}\n{\"title\": \"" + "b".repeat(2 * 1024 * 1024) + "\"}\n{\"title\": \"After\"}\n");
    CollectingSink sink = CollectingSink.parse(new JsonLinesParser(), lines);
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Before", "After");
    assertThat(sink.rejections)
        .containsExactly(
            "line 2: longer than 8,388,608 bytes",
            "line 3: not valid JSON: a value is longer than 1,048,576 characters");
  }

  @Test
  void controlCharactersInAnyFieldAreCleanedAndTheRecordKept() {
    String line =
        "{\"title\": \"Nul\\u0000 and\\u0001 Bell\\u0007\", \"abstract\": \"a\\uFFFFb\\uD800c\","
            + " \"authors\": [\"Ada\\u001FQuinlan\"], \"categories\": [\"cs.CL\\u0000\"]}\n";
    CollectingSink sink = CollectingSink.parse(new JsonLinesParser(), stream(line));
    Paper p = sink.papers.get(0);
    assertThat(p.title()).isEqualTo("Nul and Bell");
    assertThat(p.abstractText()).isEqualTo("abc");
    assertThat(p.authors().get(0).name()).isEqualTo("AdaQuinlan");
    assertThat(p.categories()).containsExactly("cs.CL");
  }

  private static String item(String id, String title) {
    return "<item><guid>oai:arXiv.org:" + id + "v1</guid><title>" + title + "</title></item>";
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream concat(String head, InputStream middle, String tail) {
    return new SequenceInputStream(
        java.util.Collections.enumeration(java.util.List.of(stream(head), middle, stream(tail))));
  }

  /** {@code length} copies of one byte, made as they are read: no huge fixture, no huge array. */
  private static final class Repeated extends InputStream {
    private final byte value;
    private long left;

    Repeated(char value, long length) {
      this.value = (byte) value;
      this.left = length;
    }

    @Override
    public int read() {
      return left-- > 0 ? value : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }
}
