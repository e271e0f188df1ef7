package dev.paperboy.web;

import dev.paperboy.catalog.Author;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.foryou.ForYou;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/for-you}: the signed-in reader's recommendations, as the For you tab has them.
 */
@RestController
@RequestMapping("/api")
class ForYouApi {

  /** Why a paper is recommended: the reader's nearest positive, and how it got in. */
  record Because(String id, String title, String how) {}

  /** One recommendation. */
  record Result(
      String id,
      String title,
      List<String> authors,
      LocalDate published,
      List<String> categories,
      float score,
      Because because) {}

  /** The answer: best first. */
  record Results(List<Result> results) {}

  private final ForYou forYou;
  private final Readers readers;

  ForYouApi(ForYou forYou, Readers readers) {
    this.forYou = forYou;
    this.readers = readers;
  }

  @GetMapping("/for-you")
  Results forYou(
      @RequestParam(defaultValue = "7") int days,
      @RequestParam(defaultValue = "20") int size,
      HttpServletRequest request) {
    Subscriber reader = readers.required(request);
    return new Results(
        forYou.today(reader.id(), days, size).stream().map(ForYouApi::result).toList());
  }

  private static Result result(ForYou.Recommendation r) {
    ForYou.Because b = r.because();
    return new Result(
        r.paper().id().toString(),
        r.paper().title(),
        r.paper().authors().stream().map(Author::name).toList(),
        r.paper().published(),
        r.paper().categories(),
        r.score(),
        new Because(b.id(), b.title(), b.how().id()));
  }
}
