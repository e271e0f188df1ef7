package dev.paperboy.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Why a connection failed, as the operator reads it: the JDK's words without its class names. */
class SourceHttpTest {

  @Test
  void aCauseWithoutAMessageIsSaidInPlainWordsNotItsClassName() {
    assertThat(SourceHttp.inWords(new UncheckedIOException(new EOFException())))
        .isEqualTo("it closed the connection early")
        .doesNotContain("Exception");
  }

  @Test
  void aMessageThatRepeatsItsCauseLosesTheClassNames() {
    IOException wrapped =
        new IOException("java.net.ConnectException: Connection reset", new ConnectException());
    assertThat(SourceHttp.inWords(wrapped)).isEqualTo("Connection reset");
    assertThat(SourceHttp.inWords(new IOException(new ConnectException("Connection refused"))))
        .isEqualTo("Connection refused");
  }
}
