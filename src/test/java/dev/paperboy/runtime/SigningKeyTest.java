package dev.paperboy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SigningKeyTest {

  @TempDir Path dir;

  @Test
  void aTooShortSecretIsRefusedWithoutRepeatingIt() {
    String secret = "hunter2-hunter2-hunter2-hunter2";
    assertThatThrownBy(() -> SigningKey.load(secret, dir.resolve("secret.key")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAPERBOY_SECRET is 31 bytes long")
        .hasMessageContaining("at least 32")
        .hasMessageNotContaining(secret);
    assertThat(dir.resolve("secret.key")).doesNotExist();
  }

  @Test
  void aTooShortSecretStopsTheStart() {
    new ApplicationContextRunner()
        .withUserConfiguration(RuntimeConfiguration.class)
        .withPropertyValues(
            "paperboy.data-dir=" + dir,
            "paperboy.secret=changeme",
            // never reached: the key is checked before any database is opened
            "paperboy.db.url=jdbc:postgresql://127.0.0.1:1/none")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith("PAPERBOY_SECRET is 8 bytes long"));
  }

  @Test
  void anExternalDatabaseWithoutASecretStopsTheStartSayingWhatToSet() {
    new ApplicationContextRunner()
        .withUserConfiguration(RuntimeConfiguration.class)
        .withPropertyValues(
            "paperboy.data-dir=" + dir, "paperboy.db.url=jdbc:postgresql://127.0.0.1:1/none")
        .run(
            context -> {
              assertThat(context)
                  .getFailure()
                  .rootCause()
                  .isInstanceOf(SecretRequired.class)
                  .hasMessageStartingWith("PAPERBOY_SECRET is not set")
                  .hasMessageContaining("same value");
              // No key of this instance's own was generated to stand in for the shared one.
              assertThat(dir.resolve("secret.key")).doesNotExist();
            });
  }

  @Test
  void theSecretIsCheckedBeforeStartOnlyForAnExternalDatabase() {
    SigningKey.check(null, null);
    SigningKey.check("", null);
    SigningKey.check("jdbc:postgresql://db/paperboy", "s".repeat(SigningKey.MIN_SECRET_BYTES));
    assertThatThrownBy(() -> SigningKey.check("jdbc:postgresql://db/paperboy", " "))
        .isInstanceOf(SecretRequired.class);
    assertThatThrownBy(() -> SigningKey.check("jdbc:postgresql://db/paperboy", "short"))
        .isInstanceOf(SecretRequired.class)
        .hasMessageContaining("5 bytes long");
  }

  @Test
  void aSecretOfTheMinimumLengthIsTheKey() {
    String secret = "x".repeat(SigningKey.MIN_SECRET_BYTES);
    assertThat(SigningKey.load(secret, dir.resolve("secret.key")).bytes())
        .isEqualTo(secret.getBytes());
  }

  @Test
  void aGeneratedKeyIsOwnerOnlyFromTheStartAndKeptAcrossStarts() throws IOException {
    Path file = dir.resolve("secret.key");
    byte[] first = SigningKey.load(null, file).bytes();
    assertThat(first).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SigningKey.load("", file).bytes()).isEqualTo(first);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aKeyLeftReadableByAnEarlierVersionIsRestricted() throws IOException {
    Path file = dir.resolve("secret.key");
    byte[] key = "k".repeat(32).getBytes();
    Files.writeString(file, Base64.getEncoder().encodeToString(key));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(SigningKey.load(null, file).bytes()).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
