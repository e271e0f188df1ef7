package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.foryou.Feedback;
import dev.paperboy.foryou.InvalidFeedback;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/feedback} records a reader's 👍, 👎 or "not interested" on a paper ({@code
 * "none"} takes it back, as does {@code DELETE /api/feedback?id=}); both answer what is recorded.
 */
@RestController
@RequestMapping("/api/feedback")
class FeedbackApi {

  /** Spelled as the product spells it: {@code up}, {@code down}, {@code not-interested}. */
  static final String NONE = "none";

  /** The one answer to a missing or unknown signal: every spelling this API takes. */
  static final String SIGNALS = "signal must be up, down, not-interested or " + NONE;

  /** What a client sends. */
  record Given(String id, String signal) {}

  /** What is recorded now: the catalog's id of the paper, and the signal or {@code "none"}. */
  record Recorded(String id, String signal) {}

  private final Readers readers;
  private final Feedback feedback;

  FeedbackApi(Readers readers, Feedback feedback) {
    this.readers = readers;
    this.feedback = feedback;
  }

  @PostMapping
  Recorded give(@RequestBody Given given, HttpServletRequest request) {
    Subscriber reader = readers.required(request);
    return recorded(reader.id(), say(feedback, reader.id(), given.id(), given.signal()));
  }

  /**
   * A reader's word on a paper as this API and the paper's page take it: a signal to record, or
   * {@value #NONE} to take back whatever they said; the paper's id as the catalog has it.
   */
  static String say(Feedback feedback, UUID reader, String paperId, String signal) {
    if (signal != null && signal.strip().equals(NONE)) {
      return feedback.undo(reader, paperId);
    }
    Feedback.Signal said =
        Feedback.Signal.find(signal).orElseThrow(() -> new InvalidFeedback(SIGNALS));
    return feedback.record(reader, paperId, said);
  }

  @DeleteMapping
  Recorded take(@RequestParam String id, HttpServletRequest request) {
    Subscriber reader = readers.required(request);
    return recorded(reader.id(), feedback.undo(reader.id(), id));
  }

  private Recorded recorded(UUID reader, String id) {
    return new Recorded(id, feedback.of(reader, id).map(Feedback.Signal::wire).orElse(NONE));
  }
}
