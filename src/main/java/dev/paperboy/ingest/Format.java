package dev.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The one registry of formats that {@code import} and every source read: each is recognised from
 * the first bytes of content (never from a file name) and knows its parser.
 */
public enum Format {
  ARXIV_API_ATOM("arXiv API Atom feed"),
  ARXIV_ANNOUNCEMENT_ATOM("arXiv announcement Atom feed"),
  ARXIV_ANNOUNCEMENT_RSS("arXiv RSS 2.0 feed"),
  OAI_PMH_LIST_RECORDS("OAI-PMH ListRecords"),
  OAI_PMH_GET_RECORD("OAI-PMH GetRecord"),
  HUGGING_FACE_DAILY("Hugging Face daily papers JSON"),
  HUGGING_FACE_SEARCH("Hugging Face paper search JSON"),
  ARXIV_SNAPSHOT("arXiv metadata snapshot (Kaggle)"),
  JSON_LINES("Paperboy JSON Lines");

  private static final int PEEK = 16 * 1024;
  // The first element that is not a declaration, comment, DOCTYPE or processing instruction.
  private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[\\w.-]+:)?([\\w.-]+)");
  private static final Pattern GET_RECORD = Pattern.compile("<(?:[\\w.-]+:)?GetRecord[\\s>]");
  // rss.arxiv.org marks each entry with arxiv:announce_type; its feed id names the host.
  private static final Pattern ANNOUNCEMENT = Pattern.compile("announce_type|rss\\.arxiv\\.org");
  // Fields only the Kaggle snapshot has; our JSON Lines has none of them.
  private static final Set<String> SNAPSHOT_FIELDS =
      Set.of("authors_parsed", "update_date", "submitter", "journal-ref", "report-no");

  private final String label;

  Format(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A reader for this format; {@code clock} dates the signals of sources that carry no time. */
  FeedParser parser(Clock clock) {
    return switch (this) {
      case ARXIV_API_ATOM, ARXIV_ANNOUNCEMENT_ATOM -> new ArxivAtomParser();
      case ARXIV_ANNOUNCEMENT_RSS -> new ArxivRssParser();
      case OAI_PMH_LIST_RECORDS, OAI_PMH_GET_RECORD -> new OaiPmhParser();
      case HUGGING_FACE_DAILY, HUGGING_FACE_SEARCH ->
          new HuggingFaceDailyParser(Json.MAPPER, clock);
      case ARXIV_SNAPSHOT -> new ArxivSnapshotParser();
      case JSON_LINES -> new JsonLinesParser();
    };
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
      case '[' ->
          firstObjectFields(text).contains("paper") ? HUGGING_FACE_DAILY : huggingFace(text);
      case '{' ->
          firstObjectFields(text).stream().anyMatch(SNAPSHOT_FIELDS::contains)
              ? ARXIV_SNAPSHOT
              : JSON_LINES;
      case '<' -> xml(text);
      default ->
          throw new UnknownFormat(
              "the file is not XML or JSON (it starts with \""
                  + Dates.abbreviate(firstLine(text))
                  + "\")");
    };
  }

  private static Format huggingFace(String text) {
    return text.substring(1).strip().startsWith("]") ? HUGGING_FACE_DAILY : HUGGING_FACE_SEARCH;
  }

  /** The top-level field names of the first object in {@code text}, as far as the text goes. */
  private static Set<String> firstObjectFields(String text) {
    Set<String> fields = new HashSet<>();
    try (JsonParser p = Json.MAPPER.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        t = p.nextToken();
      }
      if (t != JsonToken.START_OBJECT) {
        return fields;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        fields.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (JacksonException e) {
      // the head ends mid-record, or the file is broken: the fields seen so far decide
    }
    return fields;
  }

  private static Format xml(String text) {
    String withoutComments = text.replaceAll("(?s)<!--.*?-->", "");
    Matcher m = ROOT.matcher(withoutComments);
    if (!m.find()) {
      throw new UnknownFormat("the XML has no root element in its first " + PEEK + " bytes");
    }
    return switch (m.group(1)) {
      case "feed" ->
          ANNOUNCEMENT.matcher(withoutComments).find() ? ARXIV_ANNOUNCEMENT_ATOM : ARXIV_API_ATOM;
      case "rss" -> ARXIV_ANNOUNCEMENT_RSS;
      case "OAI-PMH" ->
          GET_RECORD.matcher(withoutComments).find() ? OAI_PMH_GET_RECORD : OAI_PMH_LIST_RECORDS;
      default ->
          throw new UnknownFormat(
              "XML with root <"
                  + m.group(1)
                  + "> is not an Atom or RSS feed nor an OAI-PMH response");
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
