package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
        .startsWith("after entry 1: XML is malformed or truncated");
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
}
