package dev.paperboy.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One application and one database shared by most integration tests (one cached context). */
public abstract class SharedApplicationTest extends PaperboyIntegrationTest {

  protected static final Path DATA_DIR = tempDir();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("paperboy.data-dir", DATA_DIR::toString);
  }
}
