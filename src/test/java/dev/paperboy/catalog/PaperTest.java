package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTest {

  private static final PaperId ID = new PaperId("arxiv", "2410.21271");

  private static Paper paper(Integer version, String title, String source, Links links) {
    return new Paper(
        ID,
        version,
        title,
        "abstract " + title,
        List.of(Author.named("A")),
        "cs.CL",
        List.of("cs.CL"),
        null,
        null,
        links,
        null,
        null,
        List.of(source),
        null);
  }

  @Test
  void aNewerVersionReplacesTheMetadata() {
    Paper merged =
        paper(1, "old", "arxiv", Links.NONE).mergedWith(paper(2, "new", "arxiv", Links.NONE));
    assertThat(merged.title()).isEqualTo("new");
    assertThat(merged.version()).isEqualTo(2);
  }

  @Test
  void anOlderVersionChangesNothing() {
    Paper current = paper(3, "current", "arxiv", Links.NONE);
    assertThat(current.mergedWith(paper(2, "stale", "arxiv", Links.NONE))).isEqualTo(current);
  }

  @Test
  void aSecondSourceOnlyFillsGapsAndIsRemembered() {
    Paper fromArxiv = paper(2, "title", "arxiv", Links.NONE);
    Paper fromHf =
        paper(
            null,
            "other title",
            "huggingface",
            new Links(null, null, null, "https://github.com/x/y"));
    Paper merged = fromArxiv.mergedWith(fromHf);
    assertThat(merged.title()).isEqualTo("title");
    assertThat(merged.version()).isEqualTo(2);
    assertThat(merged.links().code()).isEqualTo("https://github.com/x/y");
    assertThat(merged.sources()).containsExactly("arxiv", "huggingface");
  }

  @Test
  void mergingTheSameRecordAgainIsANoOp() {
    Paper p = paper(2, "title", "arxiv", Links.NONE);
    assertThat(p.mergedWith(p)).isEqualTo(p);
  }
}
