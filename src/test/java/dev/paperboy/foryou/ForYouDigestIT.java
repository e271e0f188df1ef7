package dev.paperboy.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.digest.Digests;
import dev.paperboy.support.PaperboyIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A digest run scores its For you readers several at a time (blocks of {@link Candidates#BLOCK}),
 * daily and weekly readers against their own windows' papers: every letter still carries its own
 * reader's picks, for reasons of their own, whichever block and window the reader fell in.
 */
class ForYouDigestIT extends PaperboyIntegrationTest {

  static final Path OWN_DATA = tempDir();

  /** More than two blocks, so that blocks are full, and one is not. */
  static final int READERS = 2 * Candidates.BLOCK + 5;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", OWN_DATA::toString);
  }

  @Autowired Digests digests;

  @Test
  void eachLetterCarriesItsOwnReadersPicksWhateverBlockOrWindowTheyFellIn() {
    importText("for-you.jsonl", ForYouPapers.jsonLines());
    for (int i = 0; i < READERS; i++) {
      Reader reader = signIn(email(i));
      String saved = proteins(i) ? ForYouPapers.SAVED_1 : ForYouPapers.SAVED_GLACIER;
      assertThat(postForm("/save", reader, "paper=" + saved + "&action=save").statusCode())
          .isEqualTo(302);
      jdbcClient
          .sql("update subscriber set cadence = ?, topics = ? where email = ?")
          .params(
              i % 3 == 0 ? "weekly" : "daily",
              forYouOnly(i) ? new String[] {"xylophonics"} : new String[0],
              email(i))
          .update();
    }

    assertThat(digests.runNow().queued()).isEqualTo(READERS);

    Map<String, String> letters = byRecipient("text_body");
    assertThat(letters).hasSize(READERS);
    Map<String, String> pages = byRecipient("html_body");
    Map<String, String> subjects = byRecipient("subject");
    for (int i = 0; i < READERS; i++) {
      String letter = letters.get(email(i));
      // a letter of For you alone says so, without "0 trending"
      assertThat(subjects.get(email(i)))
          .matches(
              forYouOnly(i)
                  ? "Paperboy: [1-5] for you \\(.*\\)"
                  : "Paperboy: [1-5] for you, [1-9][0-9]* trending \\(.*\\)");
      assertThat(letter).startsWith("New papers for you, ");
      String forYou = letter.substring(letter.indexOf("For you"));
      List<String> mine =
          proteins(i)
              ? List.of(
                  "Transformers Predict Protein Tertiary Structure",
                  "because you saved “Protein Structure Prediction with Deep Learning”")
              : List.of(
                  "Dating the Sediments of Alpine Glacier Lakes",
                  "because you saved “Varved Lake Sediments");
      String theirs = proteins(i) ? "because you saved “Varved" : "because you saved “Protein";
      assertThat(forYou).as("letter %d", i).contains(mine).doesNotContain(theirs);
      // the HTML carries the same reason, escaped, where the run's shared rendering of the
      // paper left a place for it: a paper recommended for several reasons is one rendering
      String page = pages.get(email(i));
      assertThat(page)
          .as("letter %d", i)
          .contains(
              proteins(i)
                  ? "because you saved “Protein Structure Prediction with Deep Learning”"
                  : "because you saved “Varved Lake Sediments &lt;Record&gt; the Retreat of"
                      + " Alpine &amp; Arctic Glaciers”")
          .doesNotContain(theirs, "~why-");
      if (!proteins(i)) {
        assertThat(letter)
            .contains("Varved Lake Sediments <Record> the Retreat of Alpine & Arctic");
      }
      assertThat(letter + page).as("letter %d", i).doesNotContainPattern("~[A-Za-z0-9]{12}~");
      // the paper nearest the reader's save is their first pick
      String first = proteins(i) ? "Protein" : "Glacier";
      assertThat(firstPick(forYou)).as("letter %d", i).contains(first);
    }
  }

  /** One column of every digest queued, by recipient. */
  private Map<String, String> byRecipient(String column) {
    return jdbcClient
        .sql("select recipient, " + column + " from outbox where kind = 'digest'")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Readers who follow only a topic no paper is about: their letters are For you alone. */
  private static boolean forYouOnly(int i) {
    return i % 4 == 3;
  }

  private static boolean proteins(int i) {
    return i % 2 == 0;
  }

  private static String email(int i) {
    return "block-reader-" + i + "@example.org";
  }

  /** The title of the section's first item. */
  private static String firstPick(String section) {
    return section.lines().filter(l -> l.startsWith("* ")).findFirst().orElse(section);
  }
}
