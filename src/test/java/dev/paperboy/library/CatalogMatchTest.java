package dev.paperboy.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogMatchTest {

  @Test
  void texAccentsAndBracesMeetTheDecodedTitle() {
    assertThat(CatalogMatch.titleKeys("Schr{\\\"o}dinger Operators on {Curved} Branes"))
        .contains("schrodinger operators on curved branes");
  }

  @Test
  void mathKeepsItsSourceLessTheDollars() {
    assertThat(CatalogMatch.titleKeys("Sorting in $O(n \\log n)$ Time"))
        .contains("sorting in o n log n time");
  }

  @Test
  void aTitleTooShortToNameOnePaperMatchesByNothing() {
    assertThat(CatalogMatch.titleKeys("Introduction")).isEmpty();
  }
}
