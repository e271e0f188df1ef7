package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.PaperId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The yardstick's files hold what its README promises, and each query kind is honest. */
class YardstickTest {

  private static final List<String> KINDS =
      List.of("paraphrase", "misspelling", "question", "acronym", "title", "author");

  // Function words that carry no topic; a paraphrase may share these with its papers.
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "across", "after", "again", "against", "all", "an", "and", "any", "are",
          "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can",
          "could", "did", "do", "does", "doing", "down", "during", "each", "even", "every", "few",
          "for", "from", "further", "had", "has", "have", "having", "how", "i", "if", "in", "into",
          "is", "it", "its", "itself", "just", "less", "more", "most", "much", "my", "no", "nor",
          "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "out", "over",
          "own", "same", "should", "so", "some", "such", "than", "that", "the", "their", "them",
          "then", "there", "these", "they", "this", "those", "through", "to", "too", "two", "under",
          "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which",
          "while", "who", "whom", "why", "will", "with", "without", "would", "you", "your");

  private final Yardstick yardstick = Yardstick.load(Path.of("yardstick"));
  private final Map<String, Yardstick.Paper> papers =
      yardstick.papers().stream()
          .collect(Collectors.toMap(Yardstick.Paper::id, Function.identity()));

  @Test
  void holdsAThousandPapersAndEightyQueriesWithFifteenOfEachKind() {
    assertThat(yardstick.papers()).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(yardstick.queries()).hasSizeGreaterThanOrEqualTo(80);
    Map<String, Long> perKind =
        yardstick.queries().stream()
            .collect(Collectors.groupingBy(Yardstick.Query::kind, Collectors.counting()));
    KINDS.forEach(kind -> assertThat(perKind.get(kind)).as(kind).isGreaterThanOrEqualTo(15));
  }

  @Test
  void bothPartsHoldEveryKindAndShareNoQueryText() {
    for (Yardstick.Split split : Yardstick.Split.values()) {
      assertThat(yardstick.queries(split).stream().map(Yardstick.Query::kind))
          .as(split.id())
          .containsAll(KINDS);
    }
    Set<String> dev = texts(Yardstick.Split.DEV);
    assertThat(texts(Yardstick.Split.TEST)).doesNotContainAnyElementsOf(dev);
  }

  @Test
  void paperIdsAreUniqueArxivIds() {
    Set<String> ids = new HashSet<>();
    for (Yardstick.Paper p : yardstick.papers()) {
      assertThat(ids.add(p.id())).as(p.id()).isTrue();
      assertThat(PaperId.parseArxiv(p.id())).as(p.id()).isPresent();
    }
  }

  @Test
  void everyQueryJudgesExistingPapers() {
    for (Yardstick.Query q : yardstick.queries()) {
      assertThat(q.grades()).as(q.text()).isNotEmpty().containsValue(3);
      assertThat(papers).as(q.text()).containsKeys(q.grades().keySet().toArray(String[]::new));
      assertThat(q.grades().values()).as(q.text()).allMatch(g -> g >= 1 && g <= 3);
    }
  }

  @Test
  void gradesFollowRankInTopic() {
    Yardstick.Query rag = yardstick.queries().get(0);
    assertThat(rag.grades())
        .containsEntry("arxiv:2601.00101", 3)
        .containsEntry("arxiv:2601.00104", 2)
        .containsEntry("arxiv:2601.00106", 1)
        .hasSize(6);
  }

  @Test
  void aTitleQueryIsItsTargetPapersTitleAndItsTopicIsGradeOne() {
    for (Yardstick.Query q : ofKind("title")) {
      List<Yardstick.Paper> best = best(q);
      assertThat(best).as(q.text()).hasSize(1);
      assertThat(best.get(0).title()).isEqualTo(q.text());
      assertThat(best.get(0).topic() + "/" + best.get(0).rank())
          .isEqualTo(q.target().replaceFirst("^0+", ""));
      assertThat(q.grades()).as(q.text()).hasSize(6);
    }
  }

  @Test
  void anAuthorQueryNamesALeadAuthorAndFindsAtLeastTheirCorePapers() {
    Set<String> leads =
        yardstick.papers().stream()
            .filter(p -> p.rank() == 1)
            .map(p -> p.authors().get(0))
            .collect(Collectors.toSet());
    for (Yardstick.Query q : ofKind("author")) {
      String author = q.target().substring(1);
      assertThat(leads).as(q.text()).contains(author);
      assertThat(author).as(q.text()).contains(q.text());
      assertThat(best(q)).as(q.text()).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aParaphraseSharesNoContentWordWithItsTopicsCorePapers() {
    Map<String, Set<String>> sharedByQuery = new TreeMap<>();
    for (Yardstick.Query q : ofKind("paraphrase")) {
      Set<String> shared = contentWords(q.text());
      shared.retainAll(
          best(q).stream()
              .flatMap(p -> contentWords(p.title() + " " + p.abstractText()).stream())
              .collect(Collectors.toSet()));
      if (!shared.isEmpty()) {
        sharedByQuery.put(q.text(), shared);
      }
    }
    assertThat(sharedByQuery).isEmpty();
  }

  @Test
  void theCorpusBecomesJsonLinesOnePaperPerLine() {
    assertThat(yardstick.toJsonLines().lines()).hasSize(yardstick.papers().size());
  }

  private List<Yardstick.Query> ofKind(String kind) {
    return yardstick.queries().stream().filter(q -> q.kind().equals(kind)).toList();
  }

  private Set<String> texts(Yardstick.Split split) {
    return yardstick.queries(split).stream()
        .map(q -> q.text().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  /** The grade-3 papers of a query. */
  private List<Yardstick.Paper> best(Yardstick.Query q) {
    return q.grades().entrySet().stream()
        .filter(e -> e.getValue() == 3)
        .map(e -> papers.get(e.getKey()))
        .toList();
  }

  /** Lowercased words less stop words, crudely stemmed so that "graphs" meets "graph". */
  static Set<String> contentWords(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
        .map(YardstickTest::stem)
        .collect(Collectors.toSet());
  }

  private static String stem(String word) {
    for (String suffix : List.of("ing", "ed", "es", "s")) {
      if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }
}
