package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorTokenTest {

  @TempDir Path root;

  @Test
  void theTokenIsMadeOnceReadableByItsOwnerOnlyAndKept() throws IOException {
    DataDirectory dir = new DataDirectory(root);
    OperatorToken first = new OperatorToken(dir);
    String written = OperatorToken.read(dir).orElseThrow();
    assertThat(Files.getPosixFilePermissions(dir.operatorToken()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(written).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.matches(written)).isTrue();
    assertThat(new OperatorToken(dir).matches(written)).isTrue();
    assertThat(first.matches(written + "x")).isFalse();
    assertThat(first.matches(null)).isFalse();
    assertThat(first.toString()).doesNotContain(written);
    try (var files = Files.list(root)) {
      assertThat(files).containsExactly(dir.operatorToken());
    }
  }

  @Test
  void withoutAServerThereIsNoTokenToRead() {
    assertThat(OperatorToken.read(new DataDirectory(root))).isEmpty();
  }
}
