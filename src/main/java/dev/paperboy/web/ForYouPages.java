package dev.paperboy.web;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.TexText;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.foryou.Feedback;
import dev.paperboy.foryou.ForYou;
import dev.paperboy.search.PaperSearch;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page's "For you" tab, and the setting that puts For you at the top of the digest. */
@Controller
class ForYouPages {

  /** Papers of the last week on the tab, at most. */
  static final int DAYS = 7;

  static final int SHOWN = 20;

  /** A recommended paper's card with its reason: "because you saved" the title, linked. */
  record Recommended(Card card, String phrase, String becauseId, String becauseTitle) {}

  private final ForYou forYou;
  private final Session session;
  private final Cards cards;
  private final PaperSearch search;
  private final Feedback feedback;
  private final Catalog catalog;

  ForYouPages(
      ForYou forYou,
      Session session,
      Cards cards,
      PaperSearch search,
      Feedback feedback,
      Catalog catalog) {
    this.feedback = feedback;
    this.catalog = catalog;
    this.forYou = forYou;
    this.session = session;
    this.cards = cards;
    this.search = search;
  }

  @GetMapping("/for-you")
  String tab(
      @RequestParam(required = false) String hidden, Model model, HttpServletRequest request) {
    Subscriber reader = session.required(request);
    if (Readers.unseen(request)) {
      // today's list is recorded once shown: another site's link or a prefetch only gets a way in
      model.addAttribute("title", "For you");
      model.addAttribute("text", "Your recommendations for today are one click away.");
      model.addAttribute("link", "/for-you");
      model.addAttribute("linkText", "Show my recommendations");
      return "message";
    }
    // The card just dismissed leaves the list; the page keeps a way back for it.
    if (hidden != null
        && feedback.of(reader.id(), hidden).orElse(null) == Feedback.Signal.NOT_INTERESTED) {
      dev.paperboy.catalog.PaperId.parse(hidden)
          .flatMap(catalog::find)
          .ifPresent(
              p -> {
                model.addAttribute("hiddenId", p.id().toString());
                model.addAttribute("hiddenTitle", TexText.decode(p.title()));
              });
    }
    List<ForYou.Recommendation> picks = forYou.today(reader.id(), DAYS, SHOWN);
    List<Card> shown = cards.of(picks.stream().map(ForYou.Recommendation::paper).toList(), request);
    List<Recommended> recommended = new ArrayList<>();
    for (int i = 0; i < picks.size(); i++) {
      ForYou.Because b = picks.get(i).because();
      recommended.add(new Recommended(shown.get(i), b.phrase(), b.id(), TexText.decode(b.title())));
    }
    model.addAttribute("window", "for-you");
    model.addAttribute("total", search.size());
    model.addAttribute("forYou", recommended);
    model.addAttribute("hasPositives", !picks.isEmpty() || forYou.hasPositives(reader.id()));
    return "home";
  }

  @PostMapping("/settings/for-you")
  String setting(@RequestParam(required = false) String forYou, HttpServletRequest request) {
    Subscriber reader = session.required(request);
    this.forYou.enable(reader.id(), forYou != null);
    return "redirect:/settings?saved";
  }
}
