package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.search.SearchQuery.Clause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

  @Test
  void wordsPhrasesExclusionsAndFields() {
    assertThat(
            SearchQuery.parse("sparse \"mixture of experts\" -vision author:quinlan cat:cs.CL")
                .clauses())
        .containsExactly(
            new Clause(null, "sparse", false, false),
            new Clause(null, "mixture of experts", true, false),
            new Clause(null, "vision", false, true),
            new Clause("author", "quinlan", false, false),
            new Clause("cat", "cs.CL", false, false));
  }

  @Test
  void aFieldTakesAQuotedPhraseAndCanBeExcluded() {
    assertThat(SearchQuery.parse("author:\"Ada Quinlan\" -cat:cs.CV").clauses())
        .containsExactly(
            new Clause("author", "Ada Quinlan", true, false),
            new Clause("cat", "cs.CV", false, true));
  }

  @Test
  void anUnbalancedQuoteRunsToTheEnd() {
    assertThat(SearchQuery.parse("routing \"sparse experts").clauses())
        .containsExactly(
            new Clause(null, "routing", false, false),
            new Clause(null, "sparse experts", true, false));
  }

  @Test
  void unknownFieldsAndStrayOperatorsAreJustText() {
    assertThat(SearchQuery.parse("foo:bar ((a - ] \"").clauses())
        .extracting(Clause::value)
        .containsExactly("foo:bar", "((a", "-", "]");
  }

  @Test
  void blankQueriesHaveNoClauses() {
    assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
    assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
    assertThat(SearchQuery.parse("\"\"").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-",
        "--",
        "*",
        "?",
        "~",
        "\"\"",
        "title:",
        "author:",
        "title: author:",
        "-title:",
        "AND OR NOT",
        "and or not",
        "\u0000",
        "((\u0000))",
        "... !!! ---",
        "the of and",
        "-the",
        "title:\"",
        "author:\"\"",
        "title:the",
        "-vision",
        "-cat:cs.CV",
        "-\"foo bar\"",
        "-author:x"
      })
  void aQueryWithNothingSearchableInItIsEmpty(String text) {
    assertThat(SearchQuery.parse(text).isEmpty()).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xyzzyplugh",
        "vision -transformer",
        "cat:cs.CL",
        "author:li",
        "title:attention",
        "2410.21271",
        "state-of-the-art",
        "量子",
        "Ωmega",
        "a1",
        "to be or not to be, transformer"
      })
  void aQueryWithAWordTheIndexCouldMatchIsNotEmpty(String text) {
    assertThat(SearchQuery.parse(text).isEmpty()).as(text).isFalse();
  }

  @Test
  void aFieldWithNothingAfterItIsDroppedAndTheRestKept() {
    assertThat(SearchQuery.parse("title: routing author:").clauses())
        .containsExactly(new Clause(null, "routing", false, false));
  }
}
