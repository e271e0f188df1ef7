package dev.paperboy.web;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.library.FirstPicks;
import dev.paperboy.library.Library;
import dev.paperboy.library.Origin;
import dev.paperboy.library.UnreadableLibrary;
import dev.paperboy.search.InvalidQuery;
import dev.paperboy.trending.Signals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reader's library page (saved papers, the import form and its result, the entries that matched
 * nothing), "papers by me", and the first-minute picks a new reader starts from.
 */
@Controller
class LibraryPages {

  /** A paper offered with a checkbox: its id, decoded title, and first authors with its date. */
  record Choice(String id, String title, String byline) {
    static Choice of(Paper p) {
      Card card = Card.of(p, null, null, null, false, false, false, false, null);
      String authors =
          String.join(", ", card.authors()) + (card.moreAuthors() > 0 ? " et al." : "");
      return new Choice(
          p.id().toString(),
          card.title(),
          p.published() == null ? authors : authors + " · " + p.published());
    }

    static List<Choice> of(List<Paper> papers) {
      return papers.stream().map(Choice::of).toList();
    }
  }

  private final Library library;
  private final FirstPicks picks;
  private final Signals signals;
  private final Catalog catalog;
  private final Session session;
  private final Cards cards;

  LibraryPages(
      Library library,
      FirstPicks picks,
      Signals signals,
      Catalog catalog,
      Session session,
      Cards cards) {
    this.library = library;
    this.picks = picks;
    this.signals = signals;
    this.catalog = catalog;
    this.session = session;
    this.cards = cards;
  }

  @GetMapping("/library")
  String library(
      @RequestParam(required = false) Integer added, HttpServletRequest request, Model model) {
    Subscriber who = session.required(request);
    model.addAttribute("added", added);
    return show(who, request, model);
  }

  /** A file upload or pasted text; the page shows what became of each entry. */
  @PostMapping("/library/import")
  String importLibrary(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "") String text,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    Subscriber who = session.required(request);
    boolean uploaded = file != null && !file.isEmpty();
    try {
      model.addAttribute(
          "result",
          uploaded
              ? library.importLibrary(who.id(), file.getOriginalFilename(), file.getBytes())
              : library.importLibrary(who.id(), null, text.getBytes(StandardCharsets.UTF_8)));
    } catch (UnreadableLibrary e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("text", text);
    }
    return show(who, request, model);
  }

  private String show(Subscriber reader, HttpServletRequest request, Model model) {
    List<String> ids = signals.library(reader.id());
    List<Paper> papers =
        catalog.findAll(ids.stream().map(i -> PaperId.parse(i).orElseThrow()).toList());
    model.addAttribute("papers", papers);
    model.addAttribute("cards", cards.of(papers, request));
    model.addAttribute("ids", ids);
    model.addAttribute("unmatched", library.unmatched(reader.id()));
    return "library";
  }

  /** "Papers by me": an author's papers, to tick one's own. */
  @GetMapping("/library/authors")
  String byAuthor(
      @RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model) {
    session.required(request);
    model.addAttribute("start", false);
    model.addAttribute("heading", "Papers by me");
    model.addAttribute("name", name);
    model.addAttribute("papers", Choice.of(picks.byAuthor(name)));
    model.addAttribute("origin", Origin.AUTHOR.value());
    return "choose";
  }

  /** A new reader's first minute: a few papers from their topics or trending, and authors. */
  @GetMapping("/for-you/start")
  String start(HttpServletRequest request, Model model) {
    Subscriber who = session.required(request);
    model.addAttribute("start", true);
    model.addAttribute("heading", "Start your For you");
    model.addAttribute("name", "");
    model.addAttribute("papers", Choice.of(picks.offer(who.id(), who.topics())));
    model.addAttribute("origin", Origin.PICK.value());
    return "choose";
  }

  /** Adds the ticked papers of "papers by me" or of the first picks. */
  @PostMapping("/library/add")
  String add(
      @RequestParam(name = "paper", required = false) List<String> chosen,
      @RequestParam String origin,
      HttpServletRequest request) {
    Subscriber who = session.required(request);
    int added = library.add(who.id(), chosen == null ? List.of() : chosen, origin(origin));
    return "redirect:/library?added=" + added;
  }

  private static Origin origin(String value) {
    for (Origin o : List.of(Origin.PICK, Origin.AUTHOR)) {
      if (o.value().equals(value)) {
        return o;
      }
    }
    throw new InvalidQuery("origin must be pick or author");
  }
}
