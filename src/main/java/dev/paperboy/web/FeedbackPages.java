package dev.paperboy.web;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.TexText;
import dev.paperboy.digest.FeedbackLinks;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import dev.paperboy.foryou.Feedback;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feedback from a digest's links and from cards. A digest's link leads to a page with one button
 * and records nothing by itself, since mail scanners fetch every link; pressing the button, or the
 * POST a mail client sends to the link, records. The signed token in the link is the credential (no
 * session, no CSRF value: another site cannot know it), and recording twice is recording once. A
 * card's "Not interested" is a form of the signed-in reader, with the site's CSRF value.
 */
@Controller
class FeedbackPages {

  static final String LINK = "/feedback";
  static final String UNDO = "/feedback/undo";
  static final String MINE = "/my-feedback";

  private final FeedbackLinks links;
  private final Feedback feedback;
  private final Subscriptions subscriptions;
  private final Catalog catalog;
  private final Session session;

  FeedbackPages(
      FeedbackLinks links,
      Feedback feedback,
      Subscriptions subscriptions,
      Catalog catalog,
      Session session) {
    this.links = links;
    this.feedback = feedback;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.session = session;
  }

  /** How each signal is asked and acknowledged on these pages. */
  private record Wording(String ask, String explain, String button, String done) {

    static Wording of(Feedback.Signal signal) {
      return switch (signal) {
        case UP ->
            new Wording(
                "More like this?",
                "👍 for “%s”: Paperboy will recommend more papers like it.",
                "👍 More like this",
                "Noted: more like this");
        case DOWN ->
            new Wording(
                "Less like this?",
                "👎 for “%s”: Paperboy will recommend fewer papers like it.",
                "👎 Less like this",
                "Noted: less like this");
        case NOT_INTERESTED ->
            new Wording(
                "Not interested?",
                "“%s” will not be recommended to you again, and fewer papers like it.",
                "Not interested",
                "Noted: not interested");
      };
    }
  }

  /** A page with one button, which posts the link's token to {@code action}. */
  private record Page(String title, String text, String action, String button) {}

  @GetMapping(LINK)
  String ask(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    return answer(
        token,
        response,
        model,
        c -> {
          Wording wording = Wording.of(c.signal());
          // a link followed again after it recorded: say so, and offer its Undo
          if (feedback.of(c.reader(), c.paperId()).orElse(null) == c.signal()) {
            return new Page(
                wording.done(),
                "Already noted. " + wording.explain() + " Changed your mind?",
                UNDO,
                "Undo");
          }
          return new Page(wording.ask(), wording.explain(), LINK, wording.button());
        });
  }

  /** The button's POST, and the one-click POST of a mail client: the token says it all. */
  @PostMapping(LINK)
  String give(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    return answer(
        token,
        response,
        model,
        c -> {
          feedback.record(c.reader(), c.paperId(), c.signal());
          Wording wording = Wording.of(c.signal());
          return new Page(wording.done(), wording.explain() + " Changed your mind?", UNDO, "Undo");
        });
  }

  @PostMapping(UNDO)
  String undo(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    return answer(
        token,
        response,
        model,
        c -> {
          if (!feedback.undo(c.reader(), c.paperId(), c.signal())) {
            return new Page(
                "Nothing to undo",
                "What you say about “%s” has changed since this link was sent; it stays as it is.",
                LINK,
                Wording.of(c.signal()).button());
          }
          // what the reader said before this link's word, if anything, stands again
          String now =
              feedback
                  .of(c.reader(), c.paperId()) // a link's paper id is the catalog's own
                  .map(
                      earlier ->
                          "What you said before stands again: " + Wording.of(earlier).explain())
                  .orElse("Nothing is recorded about “%s” any more.");
          return new Page("Undone", now, LINK, Wording.of(c.signal()).button());
        });
  }

  /**
   * A card's "Not interested" ({@code action=hide}) or its undo; back to the list, where the card
   * now says it is hidden.
   */
  @PostMapping("/not-interested")
  String notInterested(
      @RequestParam String paper,
      @RequestParam(defaultValue = "hide") String action,
      @RequestParam(required = false) String back,
      HttpServletRequest request) {
    TrendingPages.oneOf("action", action, "hide", "undo");
    Subscriber reader = session.required(request);
    String id =
        action.equals("hide")
            ? feedback.record(reader.id(), paper, Feedback.Signal.NOT_INTERESTED)
            : undoNotInterested(reader.id(), paper);
    if (action.equals("hide") && "/for-you".equals(back)) {
      // For you drops the card; the page then offers the Undo the card would have.
      return "redirect:/for-you?hidden=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
    return "redirect:" + TrendingPages.backOr(back, id);
  }

  /**
   * The signed-in reader's word on a paper from its page: {@code up}, {@code down}, {@code
   * not-interested}, or {@code none} to take back whatever they said; back to the paper's page.
   */
  @PostMapping(MINE)
  String mine(@RequestParam String paper, @RequestParam String signal, HttpServletRequest request) {
    Subscriber reader = session.required(request);
    return "redirect:/papers/" + FeedbackApi.say(feedback, reader.id(), paper, signal);
  }

  /** The card's Undo takes back its own "Not interested" only, giving back any earlier word. */
  private String undoNotInterested(UUID reader, String paper) {
    feedback.undo(reader, paper, Feedback.Signal.NOT_INTERESTED);
    return feedback.known(paper);
  }

  /** A genuine token for an account that still exists. */
  private Optional<FeedbackLinks.Claim> claim(String token) {
    return links.verify(token).filter(c -> subscriptions.account(c.reader()).isPresent());
  }

  private static String invalid(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("title", "This link does not work");
    model.addAttribute(
        "text",
        "It was changed, was made for something else, or has expired (a digest's feedback links"
            + " work for 30 days). Sign in to vote or save papers from their pages.");
    return "message";
  }

  /**
   * Does what a genuine link asks and shows its page (the paper's title in place of {@code %s}), or
   * a 400 page for a link that does not work.
   */
  private String answer(
      String token,
      HttpServletResponse response,
      Model model,
      Function<FeedbackLinks.Claim, Page> act) {
    Optional<FeedbackLinks.Claim> claim = claim(token);
    if (claim.isEmpty()) {
      return invalid(response, model);
    }
    Page page = act.apply(claim.get());
    String paperTitle = TexText.decode(catalog.get(claim.get().paperId()).title());
    model.addAttribute("title", page.title());
    model.addAttribute("text", page.text().formatted(paperTitle));
    model.addAttribute("action", page.action());
    model.addAttribute("token", token);
    model.addAttribute("button", page.button());
    return "action";
  }
}
