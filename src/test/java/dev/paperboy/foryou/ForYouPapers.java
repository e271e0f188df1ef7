package dev.paperboy.foryou;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The For you fixture ({@code fixtures/for-you/papers.jsonl}) with today's dates filled in. */
final class ForYouPapers {

  /** The older papers a reader saves. */
  static final String SAVED_1 = "arxiv:2503.95001";

  static final String SAVED_2 = "arxiv:2503.95002";

  /** An older paper of another field: glacier lakes, whose new paper is {@link #GLACIER}. */
  static final String SAVED_GLACIER = "arxiv:2504.95003";

  /** The new paper near {@link #SAVED_GLACIER}, one of {@link #FAR}. */
  static final String GLACIER = "arxiv:2611.95015";

  /** The new papers near what the reader saved. */
  static final List<String> NEAR = List.of("arxiv:2611.95011", "arxiv:2611.95012");

  /** The new papers about nothing the reader saved. */
  static final List<String> FAR =
      List.of(
          "arxiv:2611.95013",
          "arxiv:2611.95014",
          "arxiv:2611.95015",
          "arxiv:2611.95016",
          "arxiv:2611.95017",
          "arxiv:2611.95018");

  private ForYouPapers() {}

  static String jsonLines() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (InputStream in =
        ForYouPapers.class.getResourceAsStream("/fixtures/for-you/papers.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{today}", today.toString())
          .replace("{yesterday}", today.minusDays(1).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
