package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonParsersTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-11-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void huggingFaceProjectPageAndRepositoryBecomeLinksAndOnlyWebLinksSurvive() {
    CollectingSink sink =
        CollectingSink.parse(new HuggingFaceDailyParser(JSON, CLOCK), "hf-project.json");
    assertThat(sink.papers.get(0).links().project()).isEqualTo("https://herd.example.org/");
    assertThat(sink.papers.get(0).links().code()).isEqualTo("https://github.com/example/herd");
    assertThat(sink.papers.get(1).links().project()).isNull();
  }

  @Test
  void huggingFaceItemsBecomePapersWithUpvotesAndComments() {
    CollectingSink sink =
        CollectingSink.parse(new HuggingFaceDailyParser(JSON, CLOCK), "hf-daily.json");
    assertThat(sink.papers)
        .extracting(p -> p.id().toString())
        .containsExactly("arxiv:2410.21271", "arxiv:2410.22222");
    Paper first = sink.papers.get(0);
    assertThat(first.links().code()).isEqualTo("https://github.com/example/moe-routing");
    assertThat(first.sources()).containsExactly("huggingface");
    assertThat(first.published()).isEqualTo(LocalDate.of(2024, 10, 28));
    assertThat(sink.papers.get(1).title())
        .isEqualTo("Diffusion Models for Protein Backbone" + " Generation");
    assertThat(sink.signals)
        .extracting(Signal::kind, Signal::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("upvotes", 42L),
            org.assertj.core.groups.Tuple.tuple("github stars", 120L),
            org.assertj.core.groups.Tuple.tuple("comments", 3L),
            org.assertj.core.groups.Tuple.tuple("upvotes", 7L),
            org.assertj.core.groups.Tuple.tuple("comments", 0L));
    assertThat(sink.rejections).containsExactly("item 3: paper.id is missing");
  }

  @Test
  void truncatedJsonKeepsTheItemsBeforeTheCut() {
    String cut = "[{\"paper\":{\"id\":\"2410.00001\",\"title\":\"Whole\"}},{\"paper\":{\"id\":\"24";
    CollectingSink sink =
        CollectingSink.parse(
            new HuggingFaceDailyParser(JSON, CLOCK),
            new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Whole");
    assertThat(sink.rejections)
        .singleElement()
        .asString()
        .startsWith("after item 1: JSON is malformed or truncated");
  }

  @Test
  void jsonLinesReadsGoodLinesAndRejectsBadOnesByLineNumber() {
    CollectingSink sink = CollectingSink.parse(new JsonLinesParser(), "papers.jsonl");
    assertThat(sink.positions).containsExactly("line 1", "line 2", "line 4");
    assertThat(sink.rejections).hasSize(2);
    assertThat(sink.rejections.get(0)).startsWith("line 3: not valid JSON: ");
    assertThat(sink.rejections.get(1)).isEqualTo("line 5: authors must be an array, not STRING");
  }

  @Test
  void jsonLinesIdentityComesFromArxivIdDoiOrTitle() {
    CollectingSink sink = CollectingSink.parse(new JsonLinesParser(), "papers.jsonl");
    assertThat(sink.papers.get(0).id()).hasToString("doi:10.1145/3000000.3000001");
    assertThat(sink.papers.get(0).authors())
        .containsExactly(new Author("Ines Moreau", List.of("Inria")), Author.named("Tomás Ruiz"));
    assertThat(sink.papers.get(1).id().scheme()).isEqualTo("title");
    assertThat(sink.papers.get(2).id()).hasToString("arxiv:2401.00007");
    assertThat(sink.papers.get(2).version()).isEqualTo(1);
  }

  @Test
  void aJsonLineWithInvalidUtf8IsRejectedAlone() {
    byte[] good = "{\"title\":\"Fine\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {
      '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'
    };
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(good, 0, all, good.length + bad.length, good.length);
    CollectingSink sink =
        CollectingSink.parse(new JsonLinesParser(), new ByteArrayInputStream(all));
    assertThat(sink.papers).hasSize(2);
    assertThat(sink.rejections).containsExactly("line 2: not valid UTF-8");
  }

  @Test
  void jsonLinesSplitsLinesLongerThanItsReadBufferAndRejectsOnlyTheOversizedOne() {
    String longAbstract = "word ".repeat(9_000);
    String longNote = "n".repeat(100_000);
    String oversized = "x".repeat(8 * 1024 * 1024 + 10);
    String file =
        "{\"title\": \"Long\", \"abstract\": \""
            + longAbstract
            + "\", \"note\": \""
            + longNote
            + "\"}\n"
            + "{\"title\": \""
            + oversized
            + "\"}\n"
            + "{\"title\": \"After\"}";
    CollectingSink sink =
        CollectingSink.parse(
            new JsonLinesParser(), new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Long", "After");
    assertThat(sink.papers.get(0).abstractText()).hasSize(longAbstract.strip().length());
    assertThat(sink.positions).containsExactly("line 1", "line 3");
    assertThat(sink.rejections).containsExactly("line 2: longer than 8,388,608 bytes");
  }
}
