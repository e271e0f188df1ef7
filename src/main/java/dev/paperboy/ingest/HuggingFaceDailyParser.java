package dev.paperboy.ingest;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.catalog.Signal;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Hugging Face daily-papers JSON ({@code /api/daily_papers}): an array of items, each with a
 * {@code paper} object keyed by its arXiv id; also the paper search ({@code /api/papers/search}),
 * an array of those paper objects without the wrapper. Upvotes, comment counts and the linked
 * repository's stars become signals; a linked GitHub repository becomes the paper's code link and a
 * project page its project link.
 */
final class HuggingFaceDailyParser implements FeedParser {

  static final String SOURCE = "huggingface";

  private final JsonMapper json;
  private final Clock clock;

  HuggingFaceDailyParser(JsonMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void parse(InputStream in, RecordSink sink) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
    int n = 0;
    int complete = 0;
    try (JsonParser p = json.createParser(new InputStreamReader(in, decoder))) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        sink.stopped("start of file", "expected a JSON array of daily papers");
        return;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        n++;
        JsonNode item = p.readValueAsTree();
        item(item, "item " + n, sink);
        complete = n;
      }
    } catch (JacksonException e) {
      sink.stopped(
          "after item " + complete,
          "JSON is malformed or truncated ("
              + Json.describe(e, true)
              + "); the rest of the file was skipped");
    }
  }

  private void item(JsonNode item, String position, RecordSink sink) {
    try {
      JsonNode paper = item.has("paper") ? item.get("paper") : item;
      String idText = Fields.required(Json.text(paper, "id"), "paper.id");
      PaperId id =
          PaperId.parseArxiv(idText)
              .map(PaperId.Versioned::id)
              .orElseThrow(() -> new BadRecord("paper.id is not an arXiv id: \"" + idText + "\""));
      Paper result =
          new Paper(
              id,
              null,
              Fields.title(Json.text(paper, "title")),
              Fields.abstractText(Json.text(paper, "summary")),
              authors(paper),
              null,
              List.of(),
              Dates.parse(Json.text(paper, "publishedAt"), "publishedAt"),
              null,
              new Links(
                      null,
                      null,
                      null,
                      Fields.clean(Json.text(paper, "githubRepo")),
                      Fields.clean(Json.text(paper, "projectPage")))
                  .orElse(Fields.arxivLinks(id)),
              null,
              null,
              List.of(SOURCE),
              null);
      sink.accept(position, result, signals(id, paper, item));
    } catch (BadRecord e) {
      sink.reject(position, e.getMessage());
    }
  }

  private static List<Author> authors(JsonNode paper) {
    List<Author> authors = new ArrayList<>();
    for (JsonNode a : Json.array(paper, "authors")) {
      String name = Fields.clean(a.isString() ? a.asString() : Json.text(a, "name"));
      if (name != null) {
        authors.add(Author.named(name));
      }
    }
    return authors;
  }

  private List<Signal> signals(PaperId id, JsonNode paper, JsonNode item) {
    Instant given = given(paper, item);
    List<Signal> signals = new ArrayList<>();
    if (paper.path("upvotes").isNumber()) {
      signals.add(new Signal(id, SOURCE, "upvotes", paper.get("upvotes").asLong(), given));
    }
    if (paper.path("githubStars").isNumber()) {
      signals.add(new Signal(id, SOURCE, "github stars", paper.get("githubStars").asLong(), given));
    }
    if (item.path("numComments").isNumber()) {
      signals.add(new Signal(id, SOURCE, "comments", item.get("numComments").asLong(), given));
    }
    return signals;
  }

  /**
   * When the signals were given: the day the paper was on the daily list (the item's {@code
   * publishedAt}, or {@code paper.submittedOnDailyAt}), so a file saved in June counts in June's
   * trending and not in today's; now when the answer does not say, and never later than now.
   */
  private Instant given(JsonNode paper, JsonNode item) {
    Instant now = clock.instant();
    // A bare paper (a search answer) has only the paper's own publishedAt: the arXiv date.
    String day = item != paper ? Json.text(item, "publishedAt") : null;
    if (day == null) {
      day = Json.text(paper, "submittedOnDailyAt");
    }
    try {
      Instant given = day == null ? now : Instant.parse(day);
      return given.isAfter(now) ? now : given;
    } catch (DateTimeParseException e) {
      return now;
    }
  }
}
