package dev.paperboy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a document that one benchmark writes between two markers, leaving the rest of the file
 * as it is; a full run of the suite keeps it.
 */
record MarkedSection(String begin, String end) {

  /** Puts {@code section} in place of the file's previous one, or at its end. */
  void writeInto(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String updated =
        from >= 0 && to > from
            ? text.substring(0, from) + section + text.substring(to + end.length() + 1)
            : text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + section;
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated);
  }

  /** The section as the file holds it now, or nothing. */
  String existing(Path file) {
    try {
      String text = Files.exists(file) ? Files.readString(file) : "";
      int from = text.indexOf(begin);
      int to = text.indexOf(end);
      return from >= 0 && to > from ? text.substring(from, to + end.length() + 1) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
