package dev.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file formats {@code import} understands, recognised from the first bytes of content. */
public enum Format {
  ARXIV_ATOM("arXiv API Atom feed"),
  OAI_PMH("OAI-PMH ListRecords"),
  HUGGING_FACE_DAILY("Hugging Face daily papers JSON"),
  JSON_LINES("Paperboy JSON Lines");

  private static final int PEEK = 16 * 1024;
  // The first element that is not a declaration, comment, DOCTYPE or processing instruction.
  private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[\\w.-]+:)?([\\w.-]+)");

  private final String label;

  Format(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Looks at the start of the stream without consuming it. */
  static Format detect(BufferedInputStream in) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (text.isEmpty()) {
      throw new UnknownFormat("the file is empty");
    }
    return switch (text.charAt(0)) {
      case '[' -> HUGGING_FACE_DAILY;
      case '{' -> JSON_LINES;
      case '<' -> xml(text);
      default ->
          throw new UnknownFormat(
              "the file is not XML or JSON (it starts with \""
                  + Dates.abbreviate(firstLine(text))
                  + "\")");
    };
  }

  private static Format xml(String text) {
    Matcher m = ROOT.matcher(text.replaceAll("(?s)<!--.*?-->", ""));
    if (!m.find()) {
      throw new UnknownFormat("the XML has no root element in its first " + PEEK + " bytes");
    }
    return switch (m.group(1)) {
      case "feed" -> ARXIV_ATOM;
      case "OAI-PMH" -> OAI_PMH;
      default ->
          throw new UnknownFormat(
              "XML with root <" + m.group(1) + "> is neither an Atom feed nor an OAI-PMH response");
    };
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The content is in no format we know; nothing was imported. */
  static final class UnknownFormat extends RuntimeException {
    UnknownFormat(String message) {
      super(message);
    }
  }
}
