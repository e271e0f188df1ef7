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
}
