package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportBatchTest {

  private static ImportReport imported(String fixture, FeedParser parser) throws Exception {
    ImportBatch batch =
        new ImportBatch(
            fixture, "test", records -> records.stream().map(r -> Catalog.Change.NEW).toList());
    try (InputStream in = ImportBatchTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      parser.parse(in, batch);
    }
    return batch.finish();
  }

  private static String printed(ImportReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void identicalRejectionsAreOneLineWithTheirCountAndTheFirstPosition() throws Exception {
    ImportReport report = imported("oai-dc.xml", new OaiPmhParser());
    assertThat(report.rejected()).isEqualTo(3);
    assertThat(report.rejections())
        .singleElement()
        .hasToString(
            "oai-dc.xml: 3 records: no arXiv id or DOI in dc:identifier (first at record 3)");
    assertThat(printed(report))
        .contains(
            "oai-dc.xml: 3 records: no arXiv id or DOI in dc:identifier (first at record 3)\n")
        .contains("oai-dc.xml (test): 2 new, 0 updated, 0 unchanged, 3 rejected");
  }

  @Test
  void differentReasonsKeepTheirOwnLinesInPlainWords() throws Exception {
    String printed = printed(imported("arxiv-snapshot.jsonl", new ArxivSnapshotParser()));
    assertThat(printed)
        .contains(
            "arxiv-snapshot.jsonl: line 4: not valid JSON: it ends before the JSON is complete")
        .contains("arxiv-snapshot.jsonl: line 5: id is not an arXiv id")
        .doesNotContain("StreamReadFeature", "REDACTED", "Source:");
  }

  @Test
  void aBadCharacterInAJsonLineIsNamedWithItsColumn() throws Exception {
    CollectingSink sink =
        CollectingSink.parse(
            new JsonLinesParser(),
            new java.io.ByteArrayInputStream(
                "{\"title\": \"ok\"}\n{\"title\": x}\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.rejections)
        .containsExactly("line 2: not valid JSON: unexpected character 'x' at column 11");
  }
}
