package dev.paperboy.ingest;

import dev.paperboy.catalog.Paper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Files of one JSON object per line (our JSON Lines, the arXiv snapshot): read a line at a time, so
 * a 4 GB file streams. Each line stands alone: a broken line — bad JSON, invalid UTF-8, a wrong
 * field, longer than {@link #MAX_LINE_BYTES} — is rejected by its number and the next is read.
 */
final class JsonLines {

  static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private final Function<JsonNode, Paper> toPaper;

  JsonLines(Function<JsonNode, Paper> toPaper) {
    this.toPaper = toPaper;
  }

  /**
   * Splits the stream into lines a buffer at a time (not a byte at a time: a synchronized read per
   * byte was most of the parse). A line longer than the limit is rejected without being kept.
   */
  void parse(InputStream in, RecordSink sink) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int number = 0;
    boolean tooLong = false;
    int read;
    while ((read = in.read(buffer)) != -1) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          tooLong = append(line, buffer, start, i - start, tooLong);
          number++;
          finish(line, tooLong, number, sink);
          tooLong = false;
          start = i + 1;
        }
      }
      tooLong = append(line, buffer, start, read - start, tooLong);
    }
    if (line.size() > 0 || tooLong) {
      finish(line, tooLong, number + 1, sink);
    }
  }

  /** Adds bytes to the line unless it is already too long; returns whether it is. */
  private static boolean append(
      ByteArrayOutputStream line, byte[] bytes, int from, int length, boolean tooLong) {
    if (tooLong || line.size() + length > MAX_LINE_BYTES) {
      line.reset();
      return true;
    }
    line.write(bytes, from, length);
    return false;
  }

  private void finish(ByteArrayOutputStream line, boolean tooLong, int number, RecordSink sink) {
    if (tooLong) {
      sink.reject("line " + number, String.format("longer than %,d bytes", MAX_LINE_BYTES));
    } else {
      line(line.toByteArray(), "line " + number, sink);
    }
    line.reset();
  }

  private void line(byte[] bytes, String position, RecordSink sink) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      sink.reject(position, "not valid UTF-8");
      return;
    }
    if (text.isBlank()) {
      return;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (!node.isObject()) {
        throw new BadRecord("not a JSON object");
      }
      sink.accept(position, toPaper.apply(node), List.of());
    } catch (JacksonException e) {
      sink.reject(position, "not valid JSON: " + Json.describe(e, false));
    } catch (BadRecord e) {
      sink.reject(position, e.getMessage());
    }
  }
}
