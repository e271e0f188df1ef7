package dev.paperboy.library;

/**
 * A plain list, one paper per line: arXiv ids new or old style, with or without a version, an
 * {@code arXiv:} prefix or as an abs/pdf URL, and DOIs bare or as doi.org URLs. Blank lines and
 * lines starting with {@code #} or {@code %} are comments.
 */
final class IdListReader {

  private IdListReader() {}

  static LibraryFile read(String text) {
    LibraryFile.Builder file = new LibraryFile.Builder(LibraryFormat.ID_LIST);
    String[] lines = text.split("\\r\\n|\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != '%') {
        add(file, "line " + (i + 1), line);
      }
    }
    return file.build();
  }

  /** One id as written; anything else is skipped with its position. */
  static void add(LibraryFile.Builder file, String position, String id) {
    LibraryEntry entry = LibraryEntry.of(position, null, id);
    if (entry.identifiable()) {
      file.add(entry);
    } else {
      file.reject(position, "not an arXiv id or DOI: \"" + abbreviate(id) + "\"");
    }
  }

  /** Text quoted back in a message: printable and short. */
  static String abbreviate(String text) {
    String printable =
        text.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}
