package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic readers keep the temporal split and the dev/test rule on the real yardstick. */
class ForYouReadersTest {

  private final Yardstick yardstick = Yardstick.load(Path.of("yardstick"));
  private final Map<String, Yardstick.Paper> papers =
      yardstick.papers().stream()
          .collect(Collectors.toMap(Yardstick.Paper::id, Function.identity()));
  private final ForYouReaders readers = ForYouReaders.of(yardstick, 100, 16);

  @Test
  void feedbackIsFromThePastAndJudgmentsAreOnTheNewPapers() {
    for (ForYouReaders.Reader r : readers.readers()) {
      assertThat(r.saves())
          .allMatch(id -> papers.get(id).published().isBefore(ForYouReaders.CUTOFF));
      assertThat(r.dismissed())
          .allMatch(id -> papers.get(id).published().isBefore(ForYouReaders.CUTOFF));
      assertThat(r.grades().keySet())
          .allMatch(id -> !papers.get(id).published().isBefore(ForYouReaders.CUTOFF));
      assertThat(r.unwanted())
          .allMatch(id -> !papers.get(id).published().isBefore(ForYouReaders.CUTOFF));
    }
    assertThat(readers.older().size() + readers.newer().size()).isEqualTo(papers.size());
  }

  @Test
  void everyReaderHasSavesToLearnFromAndNewPapersToFind() {
    for (ForYouReaders.Reader r : readers.readers()) {
      assertThat(r.follows()).hasSizeBetween(1, 3);
      assertThat(r.saves()).hasSizeGreaterThanOrEqualTo(2 * r.follows().size());
      assertThat(r.grades()).isNotEmpty();
      assertThat(r.saves()).allMatch(id -> r.follows().contains(papers.get(id).topic()));
      assertThat(r.grades().keySet()).allMatch(id -> r.follows().contains(papers.get(id).topic()));
    }
  }

  @Test
  void devAndTestReadersFollowDifferentTopics() {
    Set<Integer> dev = new HashSet<>();
    readers.readers(Yardstick.Split.DEV).forEach(r -> dev.addAll(r.follows()));
    Set<Integer> test = new HashSet<>();
    readers.readers(Yardstick.Split.TEST).forEach(r -> test.addAll(r.follows()));

    assertThat(readers.readers(Yardstick.Split.DEV)).hasSize(100);
    assertThat(readers.readers(Yardstick.Split.TEST)).hasSize(100);
    assertThat(dev).doesNotContainAnyElementsOf(test);
  }

  @Test
  void dislikedTopicsAreNeighboursOfFollowedOnes() {
    long withDislikes = readers.readers().stream().filter(r -> !r.dislikes().isEmpty()).count();
    assertThat(withDislikes).isGreaterThan(readers.readers().size() / 2);
    for (ForYouReaders.Reader r : readers.readers()) {
      assertThat(r.dislikes()).doesNotContainAnyElementsOf(r.follows());
      for (int d : r.dislikes()) {
        String archive = archive(d);
        assertThat(r.follows()).anyMatch(f -> archive(f).equals(archive));
      }
      assertThat(r.dismissed()).allMatch(id -> r.dislikes().contains(papers.get(id).topic()));
    }
  }

  @Test
  void theSameSeedMakesTheSameReaders() {
    ForYouReaders again = ForYouReaders.of(yardstick, 100, 16);
    ForYouReaders other = ForYouReaders.of(yardstick, 100, 17);

    assertThat(again.readers()).isEqualTo(readers.readers());
    assertThat(other.readers()).isNotEqualTo(readers.readers());
  }

  @Test
  void popularityCountsEveryReadersLaterSaves() {
    Map<String, Integer> popularity = readers.popularity();

    int total = readers.readers().stream().mapToInt(r -> r.laterSaves().size()).sum();
    assertThat(popularity.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    assertThat(popularity.keySet())
        .allMatch(id -> !papers.get(id).published().isBefore(ForYouReaders.CUTOFF));
  }

  private String archive(int topic) {
    return yardstick.papers().stream()
        .filter(p -> p.topic() == topic)
        .findFirst()
        .orElseThrow()
        .category()
        .split("\\.")[0];
  }
}
