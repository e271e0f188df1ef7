package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void wrappedLinesBecomeOneLineAndLatexIsKept() {
    assertThat(Text.normalizeSpace("  Routing for\n   $\\mathcal{O}(\\log n)$\tInference \n"))
        .isEqualTo("Routing for $\\mathcal{O}(\\log n)$ Inference");
  }

  @Test
  void titleKeysIgnoreCaseAccentsAndPunctuation() {
    assertThat(Text.titleKey("Schölkopf's Kernels: A Review!"))
        .isEqualTo(Text.titleKey("scholkopf s kernels a review"));
  }

  @Test
  void cleanTextIsReturnedAsItIsAndOtherSpacesAreKeptAsBefore() {
    assertThat(Text.normalizeSpace("Already clean text")).isEqualTo("Already clean text");
    assertThat(Text.normalizeSpace("a\u00a0b  c")).isEqualTo("a\u00a0b c");
    assertThat(Text.normalizeSpace("")).isEmpty();
    assertThat(Text.titleKey("Plain ASCII: Title")).isEqualTo("plain ascii title");
  }
}
