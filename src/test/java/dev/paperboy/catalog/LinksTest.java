package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "ftp://example.org/paper.pdf",
        "/abs/2410.21271",
        "//evil.example/x",
        "arxiv.org/abs/2410.21271",
        "http://",
        "https://[::1",
        "https://example.org/a b",
        "   "
      })
  void anAddressThatIsNotAnAbsoluteHttpLinkIsDropped(String address) {
    Links links = new Links(address, address, null, address, address);
    assertThat(links.abstractPage()).isNull();
    assertThat(links.pdf()).isNull();
    assertThat(links.code()).isNull();
    assertThat(links.project()).isNull();
  }

  @Test
  void aProjectPageFillsAGapAndTheFirstRecordsWins() {
    Links arxiv = new Links("https://arxiv.org/abs/2411.70001", null, null, null);
    Links hf = new Links(null, null, null, "https://github.com/x/y", "https://x.example.org/");
    assertThat(arxiv.orElse(hf).project()).isEqualTo("https://x.example.org/");
    assertThat(hf.orElse(new Links(null, null, null, null, "https://other.example/")).project())
        .isEqualTo("https://x.example.org/");
  }

  @Test
  void webLinksAreKeptTrimmedAndTheDoiIsNotALink() {
    Links links =
        new Links(
            " https://arxiv.org/abs/2410.21271 ",
            "HTTP://arxiv.org/pdf/2410.21271",
            "10.1145/3000000.3000001",
            "https://github.com/ada/gradients");
    assertThat(links)
        .isEqualTo(
            new Links(
                "https://arxiv.org/abs/2410.21271",
                "HTTP://arxiv.org/pdf/2410.21271",
                "10.1145/3000000.3000001",
                "https://github.com/ada/gradients"));
  }

  @Test
  void aDroppedLinkIsFilledFromTheOtherSource() {
    Links hostile = new Links("javascript:alert(1)", null, null, null);
    assertThat(
            hostile.orElse(new Links("https://arxiv.org/abs/1", null, null, null)).abstractPage())
        .isEqualTo("https://arxiv.org/abs/1");
  }
}
