package dev.paperboy.web;

import dev.paperboy.support.PaperboyIntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application whose catalog holds the 20 papers of {@code cards.jsonl} and their Hugging Face
 * signals, and no other test's papers: a page of cards is exactly these 20.
 */
abstract class CardCatalogTest extends PaperboyIntegrationTest {

  private static final Path DATA_DIR = tempDir();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
  }

  @BeforeEach
  void cardCatalog() {
    importFixture("cards.jsonl");
    importFixture("hf-project.json");
  }
}
