package dev.paperboy.library;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The library formats a reader can bring, each recognised from its content (a file name or media
 * type only breaks a tie) and read into entries. Apart from the catalog's {@code ingest.Format}:
 * those are feeds of whole papers for the catalog, these are lists of references to match.
 */
enum LibraryFormat {
  BIBTEX("BibTeX"),
  RIS("RIS"),
  CSL_JSON("CSL-JSON"),
  ID_JSON("JSON list of ids"),
  ID_LIST("list of arXiv ids or DOIs");

  private static final Pattern BIBTEX_HEAD =
      Pattern.compile("^[ \\t]*@[ \\t]*[A-Za-z][\\w-]*\\s*[{(]", Pattern.MULTILINE);
  private static final Pattern RIS_START = Pattern.compile("^TY  -", Pattern.MULTILINE);

  /** Enough of the start to recognise every format by. */
  private static final int PEEK = 64 * 1024;

  private final String label;

  LibraryFormat(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Reads a library; {@code hint} is a file name or media type, or null. */
  static LibraryFile read(String hint, byte[] content) {
    String text = text(content);
    return detect(hint, text).reader(text);
  }

  private LibraryFile reader(String text) {
    return switch (this) {
      case BIBTEX -> BibtexReader.read(text);
      case RIS -> RisReader.read(text);
      case CSL_JSON, ID_JSON -> CslJsonReader.read(text);
      case ID_LIST -> IdListReader.read(text);
    };
  }

  static LibraryFormat detect(String hint, String text) {
    String head = text.substring(0, Math.min(text.length(), PEEK));
    String start = head.stripLeading();
    if (start.isEmpty()) {
      throw new UnreadableLibrary("the library is empty");
    }
    char first = start.charAt(0);
    if (first == '[' || first == '{') {
      return CSL_JSON;
    }
    if (first == '<') {
      throw new UnreadableLibrary(
          "XML is not a library format read here; export BibTeX, RIS or CSL-JSON instead");
    }
    String h = hint == null ? "" : hint.toLowerCase(Locale.ROOT);
    boolean looksBibtex = BIBTEX_HEAD.matcher(head).find();
    boolean looksRis = RIS_START.matcher(head).find();
    if (looksBibtex && (!looksRis || h.endsWith(".bib") || h.contains("bibtex"))) {
      return BIBTEX;
    }
    return looksRis ? RIS : ID_LIST;
  }

  /**
   * The content as text: UTF-16 when it starts with a UTF-16 byte-order mark (Windows tools export
   * so), else UTF-8 (a byte-order mark dropped), else Latin-1 as older exports write; anything with
   * NUL bytes (or, in UTF-16, NUL characters) is binary and refused before a reader sees it.
   */
  static String text(byte[] content) {
    Charset utf16 = utf16Marked(content);
    String text = utf16 == null ? utf8OrLatin1(content) : utf16(content, utf16);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Charset utf16Marked(byte[] content) {
    if (content.length >= 2 && content[0] == (byte) 0xFF && content[1] == (byte) 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (content.length >= 2 && content[0] == (byte) 0xFE && content[1] == (byte) 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static String utf16(byte[] content, Charset charset) {
    String text;
    try {
      text = strictly(charset, content);
    } catch (CharacterCodingException e) {
      throw new UnreadableLibrary(
          "the library starts with a UTF-16 byte-order mark but is not UTF-16 text");
    }
    int nul = text.substring(0, Math.min(text.length(), PEEK)).indexOf('\0');
    if (nul >= 0) {
      throw notText("character " + nul);
    }
    return text;
  }

  private static String utf8OrLatin1(byte[] content) {
    for (int i = 0; i < Math.min(content.length, PEEK); i++) {
      if (content[i] == 0) {
        throw notText("byte " + (i + 1));
      }
    }
    try {
      return strictly(StandardCharsets.UTF_8, content);
    } catch (CharacterCodingException e) {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }

  private static String strictly(Charset charset, byte[] content) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(content))
        .toString();
  }

  private static UnreadableLibrary notText(String where) {
    return new UnreadableLibrary(
        "the library is not text ("
            + where
            + " is NUL); send BibTeX, RIS, CSL-JSON or a list of ids");
  }
}
