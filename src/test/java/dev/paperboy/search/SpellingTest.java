package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrects query words against a real Lucene index, written to a temporary directory. */
class SpellingTest {

  @TempDir static Path dir;

  private static Directory directory;
  private static DirectoryReader reader;
  private static Spelling spelling;

  @BeforeAll
  static void indexTheFixtureCatalog() throws IOException {
    directory = FSDirectory.open(dir);
    try (IndexWriter w =
        new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
      for (String line :
          Files.readAllLines(
              Path.of("src/test/resources/fixtures/spelling/catalog.tsv"),
              StandardCharsets.UTF_8)) {
        if (!line.startsWith("#")) {
          String[] f = line.split("\t");
          for (int i = 1; i <= Integer.parseInt(f[4]); i++) {
            w.addDocument(IndexFields.document(paper(f[0] + "-" + i, f[1], f[2], f[3])));
          }
        }
      }
    }
    reader = DirectoryReader.open(directory);
    spelling =
        new Spelling(new LuceneQueries(IndexFields.analyzer(), null), Set.of("mosel")::contains);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static Optional<Correction> correct(String text) throws IOException {
    return spelling.correct(SearchQuery.parse(text), reader);
  }

  private static String corrected(String text) throws IOException {
    return correct(text).map(Correction::corrected).orElse(text);
  }

  @Test
  void anUnknownWordBecomesTheCatalogsWordAndTheRestStaysAsTyped() throws IOException {
    Correction c = correct("sparse transfromer (routnig), cat:cs.CL").orElseThrow();
    assertThat(c.corrected()).isEqualTo("sparse transformer (routing), cat:cs.CL");
    assertThat(c.original()).isEqualTo("sparse transfromer (routnig), cat:cs.CL");
    assertThat(c.correctedWords()).containsExactly("transformer", "routing");
    assertThat(c.parts())
        .extracting(Correction.Part::text)
        .containsExactly("sparse ", "transformer", " (", "routing", "), cat:cs.CL");
  }

  @Test
  void amongEquallyCloseWordsTheCommonerWins() throws IOException {
    assertThat(corrected("moxel")).as("one edit from model and from morel").isEqualTo("model");
    assertThat(corrected("morrel")).as("one edit from morel only").isEqualTo("morel");
  }

  @Test
  void inASmallCatalogAWordOfOnePaperIsACorrection() throws IOException {
    assertThat(corrected("graphonn")).isEqualTo("graphon");
  }

  @Test
  void englishWordsTheCatalogLacksStay() throws IOException {
    assertThat(correct("guarding from cosmic boulders")).isEmpty();
    assertThat(correct("fake recipes")).as("not face regimes").isEmpty();
  }

  @Test
  void aWordKnownOnlyByItsStemTakesTheStemsWrittenForm() throws IOException {
    assertThat(corrected("resistence")).isEqualTo("resistance");
  }

  @Test
  void aCapitalizedTypoKeepsItsCapital() throws IOException {
    assertThat(corrected("Transfromer")).isEqualTo("Transformer");
  }

  @Test
  void wordsTheCatalogKnowsStay() throws IOException {
    assertThat(correct("sparse transformer routing")).isEmpty();
    assertThat(correct("transformers")).as("another form of a known word").isEmpty();
    assertThat(correct("morel")).as("rare, but no typo of a much commoner word").isEmpty();
    assertThat(correct("graphon")).as("rare, nothing much commoner one edit away").isEmpty();
    assertThat(correct("Quinlan")).as("an author's name").isEmpty();
    assertThat(correct("modelling")).as("a spelling of a common word's stem").isEmpty();
  }

  @Test
  void aTypoTheCatalogHoldsOnceYieldsToAWordAHundredTimesCommoner() throws IOException {
    assertThat(corrected("atention heads")).isEqualTo("attention heads");
  }

  @Test
  void phrasesFieldsExclusionsIdsAndAcronymsAreNeverCorrected() throws IOException {
    assertThat(correct("\"transfromer\"")).isEmpty();
    assertThat(correct("title:transfromer author:quinlna")).isEmpty();
    assertThat(correct("routing -transfromer")).isEmpty();
    assertThat(correct("2410.21271v2 arXiv:2410.21271 hep-th/9901001")).isEmpty();
    assertThat(correct("mosel")).as("an acronym the catalog defines").isEmpty();
    assertThat(correct("TRANSFROMER LoRAs")).as("capitals inside: acronyms and names").isEmpty();
    assertThat(correct("transfromer4")).as("a word with digits names a model").isEmpty();
    assertThat(correct("rou tra")).as("words under four letters are left").isEmpty();
  }

  @Test
  void aThousandMisspelledWordsCostAtMostTheCap() throws IOException {
    // more than a request may carry (1,000 characters): the cap holds whatever reaches it
    String many = "transfromer ".repeat(1_000).strip();
    Correction c = correct(many).orElseThrow();
    assertThat(c.correctedWords()).hasSize(Spelling.MAX_WORDS);
    assertThat(c.corrected()).startsWith("transformer transformer").endsWith("transfromer");
  }

  @Test
  void hostileWordsAreLeftAsTyped() throws IOException {
    assertThat(correct("t" + "r".repeat(500) + "ansformer")).isEmpty();
    assertThat(corrected("transfromer\u0000\u0007 \u202e routnig"))
        .isEqualTo("transformer\u0000\u0007 \u202e routing");
    assertThat(correct("日本語 ﬁ ß İ")).isEmpty();
  }

  /** An arXiv paper in cs.LG with one author, as the index tests here need it. */
  static Paper paper(String id, String title, String abstractText, String author) {
    return new Paper(
        new PaperId("arxiv", id),
        1,
        title,
        abstractText,
        List.of(Author.named(author)),
        "cs.LG",
        List.of("cs.LG"),
        LocalDate.of(2024, 10, 1),
        null,
        null,
        null,
        null,
        List.of("test"),
        null);
  }
}
